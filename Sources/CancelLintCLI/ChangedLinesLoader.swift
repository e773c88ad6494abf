import LintCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the changed lines for `--new-from-rev` (from `git`) or `--new-from-patch` (from a file).
enum ChangedLinesLoader {
    struct Loaded {
        var lines: ChangedLines
        /// How the diff's paths relate to display paths.
        var paths: RepositoryPaths
        /// "since REV" or "by FILE", for the summary.
        var origin: String
    }

    /// A message for `cancellint: ...`; the run stops with exit status 2.
    struct Failure: Error, Equatable {
        var message: String
    }

    static func load(_ source: ChangedLinesSource, currentDirectory: String) -> Result<Loaded, Failure> {
        switch source {
        case .revision(let revision): return fromGit(revision: revision, currentDirectory: currentDirectory)
        case .patch(let path): return fromPatch(path, currentDirectory: currentDirectory)
        }
    }

    /// `git diff REV` (working tree against REV, staged or not) plus the files git does not track
    /// yet, which are new in their entirety.
    static func fromGit(revision: String, currentDirectory: String) -> Result<Loaded, Failure> {
        let option = "--new-from-rev \(revision)"
        // A revision starting with `-` would reach git as an option (`--output=...` writes files).
        guard !revision.hasPrefix("-") else { return .failure(Failure(message: "\(option): not a revision")) }
        let git = ["git", "--no-pager", "-C", currentDirectory]
        let root: String
        switch run(git + ["rev-parse", "--show-toplevel"], option: option) {
        case .failure(let failure): return .failure(failure)
        case .success(let output):
            guard output.status == 0 else {
                return .failure(Failure(message: "\(option): not in a git repository (\(output.firstErrorLine))"))
            }
            root = FileName.decode(output.standardOutput).trimmingLineBreaks()
        }
        let inRoot = ["git", "--no-pager", "-C", root]
        let diffArguments = ["diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/",
                             "--dst-prefix=b/", revision, "--"]
        var lines: ChangedLines
        switch run(inRoot + diffArguments, option: option) {
        case .failure(let failure): return .failure(failure)
        case .success(let output):
            guard output.status == 0 else {
                return .failure(Failure(message: "\(option): git diff failed: \(output.firstErrorLine)"))
            }
            do {
                lines = try ChangedLines(unifiedDiff: output.standardOutput)
            } catch {
                return .failure(Failure(message: "\(option): cannot read git's diff: \(error.message)"))
            }
        }
        switch run(inRoot + ["ls-files", "--others", "--exclude-standard", "-z"], option: option) {
        case .failure(let failure): return .failure(failure)
        case .success(let output):
            guard output.status == 0 else {
                return .failure(Failure(message: "\(option): git ls-files failed: \(output.firstErrorLine)"))
            }
            for name in output.standardOutput.split(separator: 0) {
                lines.addWholeFile(FileName.decode(name))
            }
        }
        return .success(Loaded(lines: lines, paths: RepositoryPaths(currentDirectory: currentDirectory, root: root),
                               origin: "since \(revision)"))
    }

    /// A unified diff in a file; its paths are taken as relative to the repository root (or, outside
    /// a repository, to the current directory), as `git diff` writes them.
    static func fromPatch(_ path: String, currentDirectory: String) -> Result<Loaded, Failure> {
        let option = "--new-from-patch \(path)"
        let paths = RepositoryPaths.discover(from: currentDirectory)
        let file = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        let descriptor = FileName.withSystemPath(file) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            return .failure(Failure(message: "\(option): cannot read: \(SystemIO.reasonForErrno())"))
        }
        defer { close(descriptor) }
        switch SystemIO.readAll(descriptor) {
        case .failure(let failure):
            return .failure(Failure(message: "\(option): cannot read: \(failure.reason)"))
        case .success(let bytes):
            do {
                return .success(Loaded(lines: try ChangedLines(unifiedDiff: bytes), paths: paths, origin: "by \(path)"))
            } catch {
                return .failure(Failure(message: "\(option): \(error.message)"))
            }
        }
    }

    private static func run(_ arguments: [String], option: String) -> Result<Subprocess.Output, Failure> {
        Subprocess.run(arguments).mapError { failure in
            switch failure {
            case .notFound: return Failure(message: "\(option) needs git, which is not on PATH")
            case .system(let reason): return Failure(message: "\(option): cannot run git: \(reason)")
            }
        }
    }
}

extension String {
    func trimmingLineBreaks() -> String {
        var text = Substring(self)
        while let last = text.last, last == "\n" || last == "\r" || last == "\r\n" { text = text.dropLast() }
        return String(text)
    }
}
