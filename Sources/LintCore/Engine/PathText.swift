/// Lexical path arithmetic on `/`-separated paths. It works on UTF-8 bytes, not Characters,
/// because a combining mark after `/` would otherwise fuse with it into one Character.
enum PathText {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    static func isAbsolute(_ path: String) -> Bool { path.utf8.first == slash }

    /// The shortest equivalent path by purely lexical processing, as Go's `filepath.Clean`:
    /// `./a//b/../c/` becomes `a/c`. Used only for display: `link/..` is not the same as `.`
    /// on disk, so paths that are opened are never cleaned this way.
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = isAbsolute(path)
        var parts: [Substring] = []
        for rawPart in path.utf8.split(separator: slash, omittingEmptySubsequences: true) {
            let part = Substring(rawPart)
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !rooted {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        let body = parts.joined(separator: "/")
        if rooted { return "/" + body }
        return body.isEmpty ? "." : body
    }

    /// `directory/name`, without doubling a slash; `.` as the directory adds nothing.
    static func join(_ directory: String, _ name: String) -> String {
        if directory == "." { return name }
        if directory.utf8.last == slash { return directory + name }
        return directory + "/" + name
    }

    /// The path to open for a command-line argument: absolute, but otherwise as written,
    /// so the kernel (not string arithmetic) resolves `..` through symlinks.
    static func absolute(_ argument: String, currentDirectory: String) -> String {
        isAbsolute(argument) ? argument : join(currentDirectory, argument)
    }

    /// How a command-line argument is shown: relative to the current directory when it lies
    /// below it (`./a/b.go` → `a/b.go`), otherwise cleaned but as given (absolute stays absolute).
    static func display(_ argument: String, currentDirectory: String) -> String {
        let base = clean(currentDirectory)
        let absolutePath = clean(absolute(argument, currentDirectory: base))
        if absolutePath == base { return "." }
        let prefix = base == "/" ? "/" : base + "/"
        if absolutePath.utf8.starts(with: prefix.utf8) {
            return String(decoding: absolutePath.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
        }
        return isAbsolute(argument) ? absolutePath : clean(argument)
    }

    /// The file name extension without its dot, or nil; a leading dot (`.go`) starts a hidden name, not an extension.
    static func fileExtension(ofName name: String) -> Substring? {
        let bytes = name.utf8
        guard let dotIndex = bytes.lastIndex(of: dot), dotIndex != bytes.startIndex else { return nil }
        return Substring(bytes[bytes.index(after: dotIndex)...])
    }

    /// The last path component.
    static func lastComponent(_ path: String) -> String {
        let trimmed = path.utf8.reversed().drop(while: { $0 == slash })
        let component = trimmed.prefix(while: { $0 != slash })
        return String(decoding: component.reversed(), as: UTF8.self)
    }

    static func isHidden(name: String) -> Bool { name.utf8.first == dot }

    /// The folder part of a cleaned path: `/a/b.go` → `/a`, `b.go` → `.`, `/x` → `/`.
    static func parent(_ path: String) -> String {
        let bytes = Array(path.utf8)
        guard let slashIndex = bytes.lastIndex(of: slash) else { return "." }
        if slashIndex == 0 { return "/" }
        return String(decoding: bytes[..<slashIndex], as: UTF8.self)
    }

    /// `path` relative to `directory`, both absolute and cleaned, with `..` where it lies outside:
    /// (`/r/a/b.go`, `/r`) → `a/b.go`; (`/r/b.go`, `/r/a`) → `../b.go`.
    static func relative(_ path: String, from directory: String) -> String {
        let pathParts = path.utf8.split(separator: slash).map { Substring($0) }
        let directoryParts = directory.utf8.split(separator: slash).map { Substring($0) }
        var common = 0
        while common < pathParts.count, common < directoryParts.count, pathParts[common] == directoryParts[common] {
            common += 1
        }
        let parts = Array(repeating: "..", count: directoryParts.count - common) + pathParts[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
