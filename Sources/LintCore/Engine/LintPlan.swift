/// Which discovered files are linted and with which settings, decided — and every applicable
/// configuration validated — before any file is read.
struct LintPlan: Sendable {
    struct PlannedFile: Sendable {
        let file: DiscoveredFile
        /// Index in `settings`.
        let settingsIndex: Int
        /// The configuration asks for generated files found while walking to be linted.
        let lintsGenerated: Bool
    }

    private(set) var files: [PlannedFile] = []
    /// Index 0 holds the request's settings, for files no configuration applies to; then one
    /// entry per (configuration, front end) pair in use, built once.
    private(set) var settings: [LintSettings]
    private(set) var excludedCount = 0
    private(set) var failOn: Severity
    private(set) var errors: [ConfigurationError] = []

    init(_ discovered: [DiscoveredFile], request: LintRequest, frontEnds: [any LanguageFrontEnd],
         schema: ConfigurationSchema) {
        settings = [request.settings]
        failOn = request.failOn ?? .warning
        if request.configuration == .fixed {
            files = discovered.map { PlannedFile(file: $0, settingsIndex: 0, lintsGenerated: false) }
            return
        }
        let resolver = ConfigurationResolver(choice: request.configuration, schema: schema,
                                             currentDirectory: request.currentDirectory)
        // Run-wide keys (`fail-on`) come from the configuration of the current directory.
        let runConfiguration = resolver.configurationIndex(forDirectory: request.currentDirectory)
        let testPatterns = frontEnds.map(\.testFilePatterns)
        var settingsIndexByPair: [Int: Int] = [:]
        // Files come folder by folder, so remembering the last folder's answer saves most lookups.
        var lastFolder: (path: String, index: Int?)?
        for file in discovered {
            let folder = PathText.parent(file.path)
            let configurationIndex: Int?
            if let lastFolder, lastFolder.path == folder {
                configurationIndex = lastFolder.index
            } else {
                configurationIndex = resolver.configurationIndex(forDirectory: folder)
                lastFolder = (folder, configurationIndex)
            }
            guard let index = configurationIndex else {
                files.append(PlannedFile(file: file, settingsIndex: 0, lintsGenerated: false))
                continue
            }
            let configuration = resolver.configurations[index]
            let isTestFile = !configuration.testFiles && testPatterns[file.frontEndIndex].contains {
                Glob.matchesName($0, PathText.lastComponent(file.path))
            }
            let needsPath = !configuration.include.isEmpty || !configuration.exclude.isEmpty
            let relativePath = needsPath ? PathText.relative(PathText.clean(file.path), from: configuration.directory) : ""
            guard configuration.selects(relativePath: relativePath, isTestFile: isTestFile) else {
                excludedCount += 1
                continue
            }
            let pair = index * max(frontEnds.count, 1) + file.frontEndIndex
            let settingsIndex: Int
            if let known = settingsIndexByPair[pair] {
                settingsIndex = known
            } else {
                let frontEnd = frontEnds[file.frontEndIndex]
                settings.append(configuration.lintSettings(language: frontEnd.language,
                                                           rules: frontEnd.rules + EngineRules.all))
                settingsIndex = settings.count - 1
                settingsIndexByPair[pair] = settingsIndex
            }
            files.append(PlannedFile(file: file, settingsIndex: settingsIndex,
                                     lintsGenerated: configuration.generatedFiles))
        }
        errors = resolver.errors
        if request.failOn == nil, let runConfiguration, let configured = resolver.configurations[runConfiguration].failOn {
            failOn = configured
        }
    }
}
