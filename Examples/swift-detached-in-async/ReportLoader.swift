import Foundation

struct Report: Decodable, Sendable {
    let title: String
    let rows: [[String]]
}

struct ReportLoader {
    let session: URLSession

    /// Detached, then awaited at once: a cancelled caller still waits for the download.
    func load(from url: URL) async throws -> Report {
        return try await Task.detached(priority: .userInitiated) {
            let (data, _) = try await session.data(from: url)
            return try JSONDecoder().decode(Report.self, from: data)
        }.value
    }

    func loadAll(from urls: [URL]) async throws -> [Report] {
        try await withThrowingTaskGroup(of: Report.self) { group in
            for url in urls {
                group.addTask { try await load(from: url) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Synchronous decoding moved off the caller's actor: nothing in it can observe cancellation,
    /// so being detached loses nothing.
    func decode(_ data: Data) async throws -> Report {
        try await Task.detached(priority: .userInitiated) {
            try JSONDecoder().decode(Report.self, from: data)
        }.value
    }

    /// Cleanup that must outlive the caller: detached on purpose, and not awaited.
    func scheduleCleanup(of directory: URL) {
        Task.detached(priority: .background) {
            try? FileManager.default.removeItem(at: directory)
        }
    }
}
