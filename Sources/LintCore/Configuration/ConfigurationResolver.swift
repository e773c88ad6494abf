#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a run's settings come from.
public enum ConfigurationChoice: Hashable, Sendable {
    /// `LintRequest.settings` for every file; no configuration file is read (`--no-config`, and
    /// callers of the engine that build settings themselves).
    case fixed
    /// For each file, the nearest `.lintconfig.yml` found walking up from its folder to the root;
    /// files with none get `LintRequest.settings`.
    case discover
    /// This file for every file (`--config FILE`); a relative path is resolved against the
    /// request's current directory.
    case file(String)
}

/// Finds and reads the configuration of each folder, each file read and validated once, each
/// folder looked up once. Used before any file is linted, on one thread.
final class ConfigurationResolver {
    let choice: ConfigurationChoice
    let schema: ConfigurationSchema
    let currentDirectory: String
    private(set) var configurations: [Configuration] = []
    /// At most one per configuration file: the first problem in it.
    private(set) var errors: [ConfigurationError] = []
    /// Absolute folder → index in `configurations`, or nil when none applies (or it is invalid).
    private var byDirectory: [String: Int?] = [:]
    /// Absolute file path → index, or nil when invalid or absent.
    private var byFile: [String: Int?] = [:]
    private var invalidFiles = Set<String>()
    private var explicitIndex: Int?

    init(choice: ConfigurationChoice, schema: ConfigurationSchema, currentDirectory: String) {
        self.choice = choice
        self.schema = schema
        self.currentDirectory = PathText.clean(currentDirectory)
        if case .file(let path) = choice {
            explicitIndex = load(PathText.clean(PathText.absolute(path, currentDirectory: self.currentDirectory)),
                                 mustExist: true)
        }
    }

    /// The configuration for files in `directory` (absolute), or nil for the request's settings.
    func configurationIndex(forDirectory directory: String) -> Int? {
        switch choice {
        case .fixed: return nil
        case .file: return explicitIndex
        case .discover: return discovered(PathText.clean(directory))
        }
    }

    /// Walks up from `directory` to the nearest folder already looked up or holding a
    /// configuration, then records the answer for every folder on the way.
    private func discovered(_ directory: String) -> Int? {
        var unresolved: [String] = []
        var current = directory
        var answer: Int?
        while true {
            if let known = byDirectory[current] {
                answer = known
                break
            }
            unresolved.append(current)
            let candidate = PathText.join(current, ConfigurationSchema.fileName)
            if let index = load(candidate, mustExist: false) {
                answer = index
                break
            }
            if invalidFiles.contains(candidate) {
                // The run stops anyway; falling back to a parent configuration would only mislead.
                break
            }
            guard current != "/", current != "." else { break }
            current = PathText.parent(current)
        }
        for folder in unresolved { byDirectory[folder] = answer }
        return answer
    }

    private func display(_ path: String) -> String {
        PathText.display(path, currentDirectory: currentDirectory)
    }

    /// Reads and validates `path` once; nil when it does not exist (and need not) or is invalid.
    private func load(_ path: String, mustExist: Bool) -> Int? {
        if let known = byFile[path] { return known }
        let shown = display(path)
        switch FileReader.read(path) {
        case .failure(.system(let error)) where !mustExist && (error.code == ENOENT || error.code == ENOTDIR):
            byFile[path] = .some(nil)
            return nil
        case .failure(let failure):
            errors.append(ConfigurationError(message: "cannot read configuration \(shown): \(failure.reason)", path: shown))
            invalidFiles.insert(path)
            byFile[path] = .some(nil)
            return nil
        case .success(let contents):
            do {
                let configuration = try Configuration.parse(contents.bytes, path: shown,
                                                            directory: PathText.parent(path), schema: schema)
                configurations.append(configuration)
                byFile[path] = configurations.count - 1
                return configurations.count - 1
            } catch {
                errors.append(error)
                invalidFiles.insert(path)
                byFile[path] = .some(nil)
                return nil
            }
        }
    }
}
