import Foundation

enum Clock {
    /// A tick every `interval`; the timer is never invalidated when the consumer goes away.
    static func ticks(every interval: TimeInterval) -> AsyncStream<Date> {
        AsyncStream { continuation in
            Timer.scheduledTimer(withTimeInterval: interval, repeats: true) { _ in
                continuation.yield(Date())
            }
        }
    }

    /// The same stream, cleaned up when the consumer stops.
    static func cancellableTicks(every interval: Duration) -> AsyncStream<Int> {
        AsyncStream { continuation in
            let producer = Task {
                var count = 0
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    count += 1
                    continuation.yield(count)
                }
            }
            continuation.onTermination = { _ in producer.cancel() }
        }
    }
}
