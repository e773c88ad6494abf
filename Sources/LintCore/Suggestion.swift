/// "did you mean `--quiet`?": the closest valid name for a mistyped option, configuration key,
/// rule id, severity or category.
public enum Suggestion {
    /// The candidate closest to `typed`: one it is a prefix of, or one within two edits
    /// (insertions, deletions, substitutions, swaps of neighbours). Nil when nothing is that close
    /// or when two candidates tie, since a coin-flip suggestion misleads more than none.
    ///
    /// Bounded whatever `typed` is (a 10 MB configuration key once took 13 s): only the first few
    /// characters beyond the longest candidate are looked at, and a candidate whose length differs
    /// from `typed` by more than two is not compared, since it cannot be within two edits.
    public static func closest(to typed: String, among candidates: [String]) -> String? {
        let candidateCharacters = candidates.map { Array($0.prefix(maximumComparedLength + 1)) }
        let longest = min(candidateCharacters.map(\.count).max() ?? 0, maximumComparedLength)
        let typedCharacters = Array(typed.prefix(longest + maximumDistance + 1))
        guard typedCharacters.count <= longest + maximumDistance else { return nil }
        if typedCharacters.drop(while: { $0 == "-" }).count >= 3 {
            let extensions = candidates.filter { $0.hasPrefix(typed) }
            if extensions.count == 1 { return extensions[0] }
        }
        var best: (candidate: String, distance: Int)?
        var tied = false
        for (candidate, characters) in zip(candidates, candidateCharacters) {
            guard let distance = distance(typedCharacters, characters, atMost: maximumDistance),
                  distance < typedCharacters.count else { continue }
            if let current = best, distance > current.distance { continue }
            tied = best?.distance == distance
            best = (candidate, distance)
        }
        return tied ? nil : best?.candidate
    }

    /// How many edits a suggestion may be away from what was typed.
    public static let maximumDistance = 2

    /// Names longer than this are not compared (their comparison would cost the product of the lengths).
    public static let maximumComparedLength = 100

    /// The edit distance when it is at most `limit`, else nil; cheap when the lengths alone rule it
    /// out, and nil for names longer than `maximumComparedLength`.
    public static func distance(_ lhs: [Character], _ rhs: [Character], atMost limit: Int) -> Int? {
        guard abs(lhs.count - rhs.count) <= limit,
              lhs.count <= maximumComparedLength, rhs.count <= maximumComparedLength else { return nil }
        let distance = editDistance(lhs, rhs)
        return distance <= limit ? distance : nil
    }

    /// Text from the input for a message: as is when short, else its first `maximumLength`
    /// characters and `…` (a 10 MB key was once echoed in full). Control characters are escaped.
    public static func excerpt(_ text: String, maximumLength: Int = 60) -> String {
        let head = text.prefix(maximumLength + 1)
        let shown = head.count > maximumLength ? String(head.prefix(maximumLength)) + "…" : String(head)
        return String(shown.unicodeScalars.map { scalar -> String in
            scalar.value < 0x20 || scalar.value == 0x7F ? scalar.escaped(asASCII: true) : String(scalar)
        }.joined())
    }

    /// Optimal string alignment distance: Levenshtein plus transposition of adjacent characters.
    public static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previousPrevious = [Int](repeating: 0, count: rhs.count + 1)
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[rhs.count]
    }
}
