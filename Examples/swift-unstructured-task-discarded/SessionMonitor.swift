import Foundation

final class SessionMonitor {
    private(set) var lastActivity = Date()
    private var heartbeat: Task<Void, Never>?
    private let events: AsyncStream<String>

    init(events: AsyncStream<String>) {
        self.events = events
    }

    func start() {
        // Nobody can stop this one: the handle is gone and it keeps `self` alive.
        Task {
            for await _ in events {
                self.lastActivity = Date()
            }
        }

        heartbeat = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(30))
                self?.lastActivity = Date()
            }
        }
    }

    func stop() {
        heartbeat?.cancel()
    }
}
