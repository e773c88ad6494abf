/// Which fixes of one file to apply: the first fix of each fixable diagnostic, in output order,
/// unless one of its edits overlaps an edit already chosen — then the later fix is skipped whole
/// (half a fix is worse than none) and the caller says so.
public struct FixPlan: Sendable {
    /// The diagnostics whose fix is applied, in output order.
    public private(set) var fixed: [Diagnostic] = []
    public private(set) var skipped: [SkippedFix] = []
    /// The chosen edits, sorted by position, none overlapping.
    public private(set) var edits: [TextEdit] = []

    /// `diagnostics` are those of one file of `fileSize` bytes. The chosen edits are kept sorted,
    /// so each new edit is checked against its neighbours only (a binary search, not a scan of
    /// everything chosen so far): n fixes cost O(n log n), and findings come in position order,
    /// so nearly every insertion is at the end.
    public init(_ diagnostics: [Diagnostic], fileSize: Int) {
        var chosen = SortedEdits()
        for diagnostic in diagnostics.sorted(by: Diagnostic.outputOrder) {
            guard let fix = diagnostic.fixes.first else { continue }
            guard Self.isWellFormed(fix, fileSize: fileSize) else {
                skipped.append(SkippedFix(diagnostic: diagnostic, reason: .malformed))
                continue
            }
            // An edit identical to one already chosen (two findings wanting the same change) is
            // not a conflict; it is applied once.
            let newEdits = fix.edits.filter { !chosen.contains($0) }
            if let owner = newEdits.lazy.compactMap({ chosen.conflictingOwner(of: $0) }).first {
                skipped.append(SkippedFix(diagnostic: diagnostic, reason: .overlaps(fixed[owner])))
                continue
            }
            for edit in newEdits { chosen.insert(edit, owner: fixed.count) }
            fixed.append(diagnostic)
        }
        edits = chosen.entries.map(\.edit)
    }

    /// Edits that do not conflict, sorted by (start, end), each with the index in `fixed` of the
    /// finding that brought it. Being pairwise free of conflicts, their ends are sorted too, so
    /// only the few entries around a position can conflict with an edit there.
    private struct SortedEdits {
        private(set) var entries: [(edit: TextEdit, owner: Int)] = []

        /// The first index whose edit is not before `edit`.
        private func position(of edit: TextEdit) -> Int {
            var low = 0, high = entries.count
            while low < high {
                let middle = (low + high) / 2
                let range = entries[middle].edit.range
                if (range.start, range.end) < (edit.range.start, edit.range.end) { low = middle + 1 } else { high = middle }
            }
            return low
        }

        func contains(_ edit: TextEdit) -> Bool {
            let index = position(of: edit)
            return index < entries.count && entries[index].edit == edit
        }

        /// The owner of a chosen edit that conflicts with `edit` (the first such by position).
        func conflictingOwner(of edit: TextEdit) -> Int? {
            let index = position(of: edit)
            // Before: only entries still reaching past edit's start, or starting where it does.
            var before = index - 1
            var found: Int?
            while before >= 0, entries[before].edit.range.end > edit.range.start
                    || entries[before].edit.range.start == edit.range.start {
                if FixPlan.conflict(entries[before].edit, edit) { found = entries[before].owner }
                before -= 1
            }
            if let found { return found }
            // After: entries starting inside edit, or where it starts; the first conflict is enough.
            var after = index
            while after < entries.count, entries[after].edit.range.start < edit.range.end
                    || entries[after].edit.range.start == edit.range.start {
                if FixPlan.conflict(entries[after].edit, edit) { return entries[after].owner }
                after += 1
            }
            return nil
        }

        mutating func insert(_ edit: TextEdit, owner: Int) {
            entries.insert((edit, owner), at: position(of: edit))
        }
    }

    /// `bytes` with every chosen edit applied.
    public func apply(to bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.utf8.count })
        var copied = 0
        for edit in edits {
            result += bytes[copied..<Int(edit.range.start)]
            result += edit.replacement.utf8
            copied = Int(edit.range.end)
        }
        result += bytes[copied...]
        return result
    }

    /// Ranges inside the file, edits of the fix not overlapping one another.
    static func isWellFormed(_ fix: Fix, fileSize: Int) -> Bool {
        guard !fix.edits.isEmpty else { return false }
        for (index, edit) in fix.edits.enumerated() {
            guard edit.range.start >= 0, edit.range.start <= edit.range.end, Int(edit.range.end) <= fileSize else {
                return false
            }
            if fix.edits[..<index].contains(where: { conflict($0, edit) }) { return false }
        }
        return true
    }

    /// Two edits conflict when their ranges share a byte, when an insertion falls strictly inside
    /// a replaced range, or when both insert at the same place (their order would be a guess).
    /// Touching ranges do not conflict.
    static func conflict(_ a: TextEdit, _ b: TextEdit) -> Bool {
        if a.range.start < b.range.end && b.range.start < a.range.end { return true }
        return a.range.length == 0 && b.range.length == 0 && a.range.start == b.range.start
    }
}

/// A fix that was not applied, and why.
public struct SkippedFix: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// One of its edits overlaps the fix of this earlier diagnostic.
        case overlaps(Diagnostic)
        /// Its edits fall outside the file or overlap one another (a rule's mistake).
        case malformed
    }

    public var diagnostic: Diagnostic
    public var reason: Reason

    /// `a.go:3:5: fix for [rule] skipped: ...`, for standard error.
    public var description: String {
        let location = "\(TextEscaping.quotedIfNeeded(diagnostic.path)):\(diagnostic.start.line):\(diagnostic.start.column)"
        switch reason {
        case .overlaps(let earlier):
            return "\(location): fix for [\(diagnostic.ruleID)] skipped: it overlaps the fix for "
                + "\(earlier.start.line):\(earlier.start.column) [\(earlier.ruleID)]; run --fix again to apply it"
        case .malformed:
            return "\(location): fix for [\(diagnostic.ruleID)] skipped: its edits fall outside the file or overlap each other"
        }
    }
}
