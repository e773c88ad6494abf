/// Which front end reads which file name extension.
struct FrontEndTable: Sendable {
    let frontEnds: [any LanguageFrontEnd]
    private let indexByExtension: [Substring: Int]

    init(frontEnds: [any LanguageFrontEnd]) {
        self.frontEnds = frontEnds
        var index: [Substring: Int] = [:]
        // The first front end to claim an extension keeps it, so the caller's order decides.
        for (position, frontEnd) in frontEnds.enumerated() {
            for fileExtension in frontEnd.fileExtensions where index[Substring(fileExtension)] == nil {
                index[Substring(fileExtension)] = position
            }
        }
        indexByExtension = index
    }

    /// The index of the front end that reads a file with this name, if any. Extensions match
    /// case-sensitively, as the Go tool does (`x.GO` is not Go).
    func frontEndIndex(forName name: String) -> Int? {
        guard let fileExtension = PathText.fileExtension(ofName: name) else { return nil }
        return indexByExtension[fileExtension]
    }

    /// "not a Go file", "not a Go or Swift file": what an explicit file no front end reads is told.
    var unsupportedFileMessage: String {
        guard !frontEnds.isEmpty else { return "not a file any language front end reads" }
        return "not a \(LanguageNames.list(frontEnds.map(\.language), conjunction: "or")) file"
    }
}
