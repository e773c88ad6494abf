#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file the engine will read and lint.
struct DiscoveredFile: Sendable {
    /// The path to open: absolute, or relative to the request's current directory resolved by the kernel.
    let path: String
    /// The path shown to users and put in diagnostics.
    let displayPath: String
    let frontEndIndex: Int
    /// Named files are always linted; found ones are skipped when generated.
    let origin: PathProblem.Origin
}

struct Discovery: Sendable {
    /// In discovery order: arguments in the order given, each directory's files by name, then its subdirectories.
    var files: [DiscoveredFile] = []
    var problems: [PathProblem] = []
    /// Each named path that exists, with its symbolic links resolved.
    var namedRealPaths: [String] = []
}

private struct DirectoryToWalk {
    let path: String
    let display: String
    /// A named root's problems fail the run; those of directories found inside it do not.
    let origin: PathProblem.Origin
}

/// Turns command-line paths into the list of files to lint.
///
/// Walking uses `readdir`'s entry type so a regular file costs no `stat` call; only symlinks,
/// unknown entry types and directories (for loop detection) are stat'ed. Directory symlinks are
/// followed, but each real directory (device + inode) is walked once, which also breaks loops.
struct FileDiscovery {
    /// Directories never entered while walking (they can still be named explicitly).
    static let excludedDirectoryNames: Set<String> = ["vendor", "testdata", "node_modules"]

    let table: FrontEndTable

    func discover(paths: [String], currentDirectory: String) -> Discovery {
        var discovery = Discovery()
        var visitedDirectories = Set<FileIdentity>()
        for argument in paths.isEmpty ? ["."] : paths {
            addArgument(argument, currentDirectory: currentDirectory,
                        into: &discovery, visitedDirectories: &visitedDirectories)
        }
        return discovery
    }

    private func addArgument(_ argument: String, currentDirectory: String,
                             into discovery: inout Discovery, visitedDirectories: inout Set<FileIdentity>) {
        guard !argument.isEmpty else {
            discovery.problems.append(PathProblem(path: "\"\"", message: "cannot read: empty path", origin: .named))
            return
        }
        let path = PathText.absolute(argument, currentDirectory: currentDirectory)
        let display = PathText.display(argument, currentDirectory: currentDirectory)
        switch FileStatus.follow(path) {
        case .failure(let error):
            discovery.problems.append(PathProblem(path: display, message: Self.cannotRead(path, error), origin: .named))
        case .success(let status):
            if let real = FileName.withSystemPath(path, { realpath($0, nil) }) {
                discovery.namedRealPaths.append(FileName.fromSystem(real))
                free(real)
            }
            if FileKind(mode: status.st_mode) == .directory {
                walk(directory: path, display: display, into: &discovery, visitedDirectories: &visitedDirectories)
            } else if let frontEndIndex = table.frontEndIndex(forName: PathText.lastComponent(argument)) {
                discovery.files.append(DiscoveredFile(path: path, displayPath: display,
                                                      frontEndIndex: frontEndIndex, origin: .named))
            } else {
                discovery.problems.append(PathProblem(path: display, message: table.unsupportedFileMessage,
                                                      origin: .named))
            }
        }
    }

    /// Depth-first with an explicit stack, so a deep tree cannot exhaust the caller's stack.
    private func walk(directory root: String, display rootDisplay: String,
                      into discovery: inout Discovery, visitedDirectories: inout Set<FileIdentity>) {
        var pending = [DirectoryToWalk(path: root, display: rootDisplay, origin: .named)]
        while let directory = pending.popLast() {
            guard let stream = FileName.withSystemPath(directory.path, { opendir($0) }) else {
                let error = SystemErrorCode(errno)
                discovery.problems.append(PathProblem(path: directory.display, message: "cannot read: \(error.reason)",
                                                      origin: directory.origin))
                continue
            }
            defer { closedir(stream) }
            var status = stat()
            if fstat(dirfd(stream), &status) == 0, !visitedDirectories.insert(FileIdentity(status)).inserted {
                continue
            }

            var files: [(name: String, frontEndIndex: Int)] = []
            var subdirectories: [String] = []
            while let entry = readdir(stream) {
                // A name that is not UTF-8 is carried byte for byte (`FileName`), so it is linted too.
                let name = Self.name(of: entry)
                // Covers `.` and `..` as well as hidden files and folders.
                if PathText.isHidden(name: name) { continue }
                guard let kind = entryKind(entry.pointee.d_type, name: name, in: directory,
                                           into: &discovery) else { continue }
                switch kind {
                case .directory:
                    if !Self.excludedDirectoryNames.contains(name) { subdirectories.append(name) }
                case .regularFile, .other:
                    if let frontEndIndex = table.frontEndIndex(forName: name) { files.append((name, frontEndIndex)) }
                }
            }

            files.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            for file in files {
                discovery.files.append(DiscoveredFile(path: PathText.join(directory.path, file.name),
                                                      displayPath: PathText.join(directory.display, file.name),
                                                      frontEndIndex: file.frontEndIndex, origin: .found))
            }
            // Pushed in reverse so they are popped, and walked, in name order.
            subdirectories.sort { $1.utf8.lexicographicallyPrecedes($0.utf8) }
            for name in subdirectories {
                pending.append(DirectoryToWalk(path: PathText.join(directory.path, name),
                                               display: PathText.join(directory.display, name), origin: .found))
            }
        }
    }

    /// What an entry is, stat'ing only when `readdir` could not say (symlinks, some file systems).
    /// Nil when it cannot be resolved; a dangling link is reported unless its name shows it is a
    /// file no front end reads (a dangling `README.md` link is none of our business).
    private func entryKind(_ entryType: UInt8, name: String, in directory: DirectoryToWalk,
                           into discovery: inout Discovery) -> FileKind? {
        switch Int(entryType) {
        case Int(DT_DIR): return .directory
        case Int(DT_REG): return .regularFile
        case Int(DT_LNK), Int(DT_UNKNOWN): break
        default: return .other
        }
        let path = PathText.join(directory.path, name)
        switch FileStatus.follow(path) {
        case .success(let status):
            return FileKind(mode: status.st_mode)
        case .failure(let error):
            let couldBeLinted = table.frontEndIndex(forName: name) != nil || PathText.fileExtension(ofName: name) == nil
            if couldBeLinted {
                discovery.problems.append(PathProblem(path: PathText.join(directory.display, name),
                                                      message: Self.cannotRead(path, error), origin: .found))
            }
            return nil
        }
    }

    /// "cannot read: reason", naming a dangling symlink as such since "no such file" would puzzle
    /// a user looking at a directory listing that shows the file.
    static func cannotRead(_ path: String, _ error: SystemErrorCode) -> String {
        if error.code == ENOENT, case .success(let status) = FileStatus.noFollow(path),
           status.st_mode & mode_t(S_IFMT) == mode_t(S_IFLNK) {
            return "cannot read: dangling symbolic link"
        }
        return "cannot read: \(error.reason)"
    }

    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) { tuple in
            tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                FileName.fromSystem($0)
            }
        }
    }
}
