import Foundation

@MainActor
final class SearchViewModel {
    private(set) var results: [String] = []
    private var searchTask: Task<Void, Never>?
    private var refreshTask: Task<Void, Never>?
    private let search: @Sendable (String) async -> [String]

    init(search: @escaping @Sendable (String) async -> [String]) {
        self.search = search
    }

    func queryChanged(_ query: String) {
        searchTask?.cancel()
        searchTask = Task {
            try? await Task.sleep(for: .milliseconds(300))
            guard !Task.isCancelled else { return }
            results = await search(query)
        }
    }

    func startAutoRefresh(query: String) {
        let task = Task {
            while !Task.isCancelled {
                results = await search(query)
                try? await Task.sleep(for: .seconds(60))
            }
        }
        refreshTask = task
    }
}
