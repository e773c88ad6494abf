import Foundation
import XCTest

/// A fresh directory under the system's temporary directory, removed when the test ends.
public final class TemporaryDirectory {
    /// The real (symlink-free) absolute path, so it can serve as the current directory.
    public let path: String

    public init() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("cancellint-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.resolvingSymlinksInPath().path
    }

    deinit {
        // Make everything removable again, even what a test locked.
        if let enumerator = FileManager.default.enumerator(atPath: path) {
            for case let relative as String in enumerator {
                chmod(path + "/" + relative, 0o755)
            }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    public func url(_ relative: String) -> String { relative.isEmpty ? path : path + "/" + relative }

    /// Writes `text` to `relative`, creating folders on the way.
    public func write(_ relative: String, _ text: String) throws {
        let target = url(relative)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
    }

    public func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: url(relative), withIntermediateDirectories: true)
    }

    /// A symlink at `relative` whose content is `destination`, exactly as given (relative links stay relative).
    public func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(relative), withDestinationPath: destination)
    }

    public func setPermissions(_ relative: String, _ mode: mode_t) {
        chmod(url(relative), mode)
    }
}

/// Permission bits do not stop root from reading, so those assertions only mean something for other users.
public func skipIfRoot() throws {
    try XCTSkipIf(geteuid() == 0, "running as root: permission bits do not prevent reading")
}
