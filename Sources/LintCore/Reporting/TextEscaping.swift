extension String {
    /// The text with each Unicode scalar `replacement` returns a string for replaced by that
    /// string; the others kept. What every format's escaping is made of.
    public func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let replaced = replacement(scalar) {
                result += replaced
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Escaping for text read by people and line-based tools: file names and messages must not break
/// a line in two, nor send escape sequences to a terminal.
public enum TextEscaping {
    /// C0 and C1 control characters and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    /// The name as is when it is printable, else in double quotes with Go's escapes (as `%q`
    /// writes it): `"a\nb.go"`; bytes that are not UTF-8 (`FileName`) are written `\xff`. A name
    /// starting with a quote is quoted too, so a quoted name is never ambiguous.
    public static func quotedIfNeeded(_ name: String) -> String {
        guard name.utf8.first == UInt8(ascii: "\"") || name.unicodeScalars.contains(where: needsQuoting) else { return name }
        return "\"" + name.replacingScalars { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            default:
                if let byte = FileName.carriedByte(scalar) { return "\\x" + String(byte, radix: 16) }
                return isControl(scalar) ? goEscape(scalar) : nil
            }
        } + "\""
    }

    private static func needsQuoting(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || FileName.carriedByte(scalar) != nil
    }

    /// The message with its control characters written as Go escapes (`\x1b`); tabs are kept.
    /// (Line breaks are joined into spaces before this, by the reporters that need one line.)
    public static func escapingControlCharacters(_ message: String) -> String {
        guard message.unicodeScalars.contains(where: { isControl($0) && $0 != "\t" }) else { return message }
        return message.replacingScalars { isControl($0) && $0 != "\t" ? goEscape($0) : nil }
    }

    /// A path for a `---`/`+++` line of a diff, the way git writes one: in double quotes with C
    /// escapes (octal for bytes outside ASCII) when it holds a control character, a quote, a
    /// backslash or bytes that are not UTF-8; followed by a tab when it holds a space, which tells
    /// `patch` where the name ends.
    public static func diffHeaderPath(_ path: String) -> String {
        let needsQuotes = path.unicodeScalars.contains { needsQuoting($0) || $0 == "\"" || $0 == "\\" }
        guard needsQuotes else { return path.utf8.contains(UInt8(ascii: " ")) ? path + "\t" : path }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        for byte in FileName.bytes(path) {
            let escape: String?
            switch byte {
            case 0x07: escape = "a"
            case 0x08: escape = "b"
            case 0x09: escape = "t"
            case 0x0A: escape = "n"
            case 0x0B: escape = "v"
            case 0x0C: escape = "f"
            case 0x0D: escape = "r"
            case UInt8(ascii: "\""): escape = "\""
            case UInt8(ascii: "\\"): escape = "\\"
            case 0..<0x20, 0x7F...0xFF:
                let octal = String(byte, radix: 8)
                escape = String(repeating: "0", count: 3 - octal.count) + octal
            default: escape = nil
            }
            if let escape { quoted += [UInt8(ascii: "\\")] + Array(escape.utf8) } else { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }

    private static func goEscape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{0B}": return "\\v"
        default:
            let hex = String(scalar.value, radix: 16)
            return scalar.value < 0x80 ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
