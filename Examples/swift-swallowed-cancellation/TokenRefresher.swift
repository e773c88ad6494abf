import Foundation

actor TokenRefresher {
    private(set) var token: String?
    private let fetchToken: @Sendable () async throws -> String

    init(fetchToken: @escaping @Sendable () async throws -> String) {
        self.fetchToken = fetchToken
    }

    /// Runs for the life of the session task; meant to end when that task is cancelled.
    func run() async {
        while true {
            do {
                token = try await fetchToken()
            } catch {
                continue
            }
            try? await Task.sleep(for: .seconds(300))
        }
    }

    /// Retries a few times, and stops at once when cancelled.
    func refreshNow() async throws {
        for attempt in 1...3 {
            do {
                token = try await fetchToken()
                return
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                try await Task.sleep(for: .seconds(attempt))
            }
        }
    }
}
