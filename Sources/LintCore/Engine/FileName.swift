/// File names are bytes, not text: Linux allows any byte but `/` and NUL. Paths travel through the
/// engine as Strings, so a byte that is not part of valid UTF-8 is carried as one scalar of the
/// last private-use block (U+10FF00 + byte) and turned back into that byte whenever the path is
/// handed to the system. Valid UTF-8 names are unchanged; printing escapes the carried bytes
/// (`\xff`), so a name that is not UTF-8 is linted, shown faithfully and reopened.
///
/// The one name this cannot carry is a valid UTF-8 name that itself contains U+10FF80...U+10FFFF
/// (private use, never assigned): it would be reopened as raw bytes and reported as missing.
public enum FileName {
    private static let base: UInt32 = 0x10_FF00

    /// The byte a carried scalar stands for, or nil for an ordinary scalar.
    static func carriedByte(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value >= base + 0x80 && scalar.value <= base + 0xFF ? UInt8(scalar.value - base) : nil
    }

    /// The path for raw file-name bytes: valid UTF-8 as it is, other bytes carried.
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let raw = Array(bytes)
        var firstInvalid = 0
        while firstInvalid < raw.count {
            let length = validSequenceLength(raw, at: firstInvalid)
            if length == 0 { break }
            firstInvalid += length
        }
        // The usual case: the whole name is UTF-8.
        if firstInvalid == raw.count { return String(decoding: raw, as: UTF8.self) }
        var text = String(decoding: raw[..<firstInvalid], as: UTF8.self)
        var index = firstInvalid
        while index < raw.count {
            let length = validSequenceLength(raw, at: index)
            if length > 0 {
                text += String(decoding: raw[index..<(index + length)], as: UTF8.self)
                index += length
            } else {
                // Only bytes 0x80...0xFF can be invalid, so the carried scalar always exists.
                text.unicodeScalars.append(Unicode.Scalar(base + UInt32(raw[index])) ?? "\u{FFFD}")
                index += 1
            }
        }
        return text
    }

    /// The length of the well-formed UTF-8 sequence starting at `index` (RFC 3629: no overlong
    /// forms, no surrogates, nothing above U+10FFFF), or 0.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default: return 0
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// The bytes the system knows the path by.
    public static func bytes(_ path: String) -> [UInt8] {
        guard path.unicodeScalars.contains(where: { carriedByte($0) != nil }) else { return Array(path.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if let byte = carriedByte(scalar) { bytes.append(byte) } else { bytes += String(scalar).utf8 }
        }
        return bytes
    }

    /// Calls `body` with the path as the C string the system expects.
    public static func withSystemPath<Result>(_ path: String, _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        let raw = bytes(path).map { CChar(bitPattern: $0) } + [0]
        return body(raw)
    }

    /// A C string the system returned (`realpath`, `readdir`, `getcwd`), as a path.
    public static func fromSystem(_ cString: UnsafePointer<CChar>) -> String {
        var bytes: [UInt8] = []
        var pointer = cString
        while pointer.pointee != 0 {
            bytes.append(UInt8(bitPattern: pointer.pointee))
            pointer += 1
        }
        return decode(bytes)
    }
}
