/// "did you mean `--quiet`?": the closest valid name for a mistyped option, configuration key,
/// rule id, severity or category.
public enum Suggestion {
    /// The candidate closest to `typed`: one it is a prefix of, or one within two edits
    /// (insertions, deletions, substitutions, swaps of neighbours). Nil when nothing is that close
    /// or when two candidates tie, since a coin-flip suggestion misleads more than none.
    public static func closest(to typed: String, among candidates: [String]) -> String? {
        let typedCharacters = Array(typed)
        if typed.drop(while: { $0 == "-" }).count >= 3 {
            let extensions = candidates.filter { $0.hasPrefix(typed) }
            if extensions.count == 1 { return extensions[0] }
        }
        var best: (candidate: String, distance: Int)?
        var tied = false
        for candidate in candidates {
            let distance = editDistance(typedCharacters, Array(candidate))
            guard distance <= 2, distance < typedCharacters.count else { continue }
            if let current = best, distance > current.distance { continue }
            tied = best?.distance == distance
            best = (candidate, distance)
        }
        return tied ? nil : best?.candidate
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
