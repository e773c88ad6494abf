/// How front ends' language names appear in messages: "Go", "Go or Swift", "Go and Swift".
public enum LanguageNames {
    /// `go` → `Go`: front ends name their language in lower case, messages capitalise it.
    public static func displayName(_ language: String) -> String {
        language.prefix(1).uppercased() + language.dropFirst()
    }

    /// The display names joined as in prose, e.g. `list(["go", "swift"], conjunction: "or")` is "Go or Swift".
    public static func list(_ languages: [String], conjunction: String) -> String {
        let names = languages.map(displayName)
        guard let last = names.last else { return "" }
        if names.count == 1 { return last }
        return "\(names.dropLast().joined(separator: ", ")) \(conjunction) \(last)"
    }
}
