/// Fingerprints identify a finding across edits that do not touch it: they are made of the rule,
/// the flagged line's text without white space, and the finding's ordinal among findings of the
/// same rule on identical lines of the same file — not of line numbers. Inserting lines above a
/// finding or moving its function keeps the fingerprint; editing the flagged line changes it;
/// a renamed file has other paths, so baselines treat its findings as new (by design).
public enum Fingerprints {
    /// FNV-1a over the line's bytes, skipping spaces, tabs and carriage returns.
    public static func hashOfLine(_ line: Int, in file: SourceFile) -> UInt64 {
        guard line >= 1, line <= file.lineStarts.count else { return 0 }
        let start = Int(file.lineStarts[line - 1])
        let end = line < file.lineStarts.count ? Int(file.lineStarts[line]) : file.bytes.count
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in file.bytes[start..<end]
        where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") && byte != UInt8(ascii: "\n") {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Sets `fingerprint` on each diagnostic; `diagnostics` must be in output order so that
    /// ordinals are stable.
    public static func assign(_ diagnostics: inout [Diagnostic]) {
        var ordinals: [String: Int] = [:]
        for index in diagnostics.indices {
            let diagnostic = diagnostics[index]
            let key = "\(diagnostic.path)\u{0}\(diagnostic.ruleID)\u{0}\(diagnostic.codeHash)"
            let ordinal = ordinals[key, default: 0]
            ordinals[key] = ordinal + 1
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in "\(diagnostic.ruleID):\(diagnostic.codeHash):\(ordinal)".utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            diagnostics[index].fingerprint = String(hash, radix: 16)
        }
    }
}
