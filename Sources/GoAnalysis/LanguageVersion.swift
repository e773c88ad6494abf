extension GoFile {
    /// Whether the module's Go version is at least `major.minor`. An unknown version counts as
    /// recent: suggestions then name the newest API (`context.WithoutCancel` needs Go 1.21).
    public func languageVersionIsAtLeast(_ major: Int, _ minor: Int) -> Bool {
        guard var version = languageVersion else { return true }
        if version.hasPrefix("go") { version.removeFirst(2) }
        let parts = version.split(separator: ".").map { Int($0.prefix { $0.isNumber }) }
        guard parts.count >= 2, let fileMajor = parts[0], let fileMinor = parts[1] else { return true }
        return (fileMajor, fileMinor) >= (major, minor)
    }
}
