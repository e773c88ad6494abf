import XCTest

final class StreamWithoutTerminationTests: XCTestCase {
    let rule = "swift-stream-without-termination"

    func testReports() {
        assertFindings([
            // task producing into continuation
            ("""
            func ticks() -> AsyncStream<Int> {
                AsyncStream { continuation in
                    Task {
                        var count = 0
                        while true {
                            try? await Task.sleep(for: .seconds(1))
                            count += 1
                            continuation.yield(count)
                        }
                    }
                }
            }
            """, [
                "2:5: info: this AsyncStream's producer starts a task but never sets `continuation.onTermination`: when the consumer stops or is cancelled the work goes on; stop it in `onTermination` [swift-stream-without-termination]",
            ]),
            // timer
            ("""
            func heartbeats() -> AsyncStream<Date> {
                return AsyncStream<Date> { continuation in
                    Timer.scheduledTimer(withTimeInterval: 1, repeats: true) { _ in
                        continuation.yield(Date())
                    }
                }
            }
            """, [
                "2:12: info: this AsyncStream's producer starts a timer but never sets `continuation.onTermination`: when the consumer stops or is cancelled the work goes on; stop it in `onTermination` [swift-stream-without-termination]",
            ]),
            // Combine sink
            ("""
            func values(of publisher: AnyPublisher<Int, Never>) -> AsyncStream<Int> {
                AsyncStream(Int.self) { continuation in
                    let cancellable = publisher.sink { value in
                        continuation.yield(value)
                    }
                    store(cancellable)
                }
            }
            """, [
                "2:5: info: this AsyncStream's producer starts a subscription (`sink`) but never sets `continuation.onTermination`: when the consumer stops or is cancelled the work goes on; stop it in `onTermination` [swift-stream-without-termination]",
            ]),
            // notification observer, throwing stream
            ("""
            func changes() -> AsyncThrowingStream<Notification, Error> {
                AsyncThrowingStream { continuation in
                    NotificationCenter.default.addObserver(forName: .didChange, object: nil, queue: nil) { note in
                        continuation.yield(note)
                    }
                }
            }
            """, [
                "2:5: info: this AsyncThrowingStream's producer starts a subscription (`addObserver`) but never sets `continuation.onTermination`: when the consumer stops or is cancelled the work goes on; stop it in `onTermination` [swift-stream-without-termination]",
            ]),
            // shorthand continuation, detached
            ("""
            let stream = AsyncStream<Int> {
                let continuation = $0
                Task.detached {
                    for await value in source { continuation.yield(value) }
                }
            }
            """, [
                "1:14: info: this AsyncStream's producer starts a task but never sets `$0.onTermination`: when the consumer stops or is cancelled the work goes on; stop it in `onTermination` [swift-stream-without-termination]",
            ]),
        ], rule: rule)
    }

    func testStaysSilent() {
        assertSilent([
            // onTermination set
            """
            func ticks() -> AsyncStream<Int> {
                AsyncStream { continuation in
                    let task = Task {
                        while true {
                            try await Task.sleep(for: .seconds(1))
                            continuation.yield(1)
                        }
                    }
                    continuation.onTermination = { _ in task.cancel() }
                }
            }
            """,
            // finite synchronous producer
            """
            func numbers() -> AsyncStream<Int> {
                AsyncStream { continuation in
                    for number in 1...3 { continuation.yield(number) }
                    continuation.finish()
                }
            }
            """,
            // continuation handed over only
            """
            final class Hub {
                var continuation: AsyncStream<Int>.Continuation?
                lazy var stream = AsyncStream<Int> { continuation in
                    self.continuation = continuation
                }
            }
            """,
            // onTermination through a helper
            """
            func events() -> AsyncStream<Event> {
                AsyncStream { continuation in
                    let token = observer.add { continuation.yield($0) }
                    continuation.onTermination = { @Sendable _ in observer.remove(token) }
                }
            }
            """,
            // other types named like streams
            """
            func make() -> MyAsyncStream {
                MyAsyncStream { continuation in
                    Task { continuation.yield(1) }
                }
            }
            """,
        ], rule: rule)
    }


    /// A producer task that ends by itself, or whose handle is kept, is not work that outlives the consumer.
    func testProducerTasksThatEndOrAreKept() {
        assertSilent([
            """
            func values(_ v: Int) -> AsyncStream<Int> {
                AsyncStream { continuation in
                    Task {
                        continuation.yield(v)
                        try? await Task.sleep(nanoseconds: 10_000_000)
                        continuation.yield(v * 10)
                        continuation.finish()
                    }
                }
            }
            """,
            """
            func values() -> AsyncStream<Int> {
                AsyncStream { continuation in
                    Task {
                        for value in [1, 2, 3] { continuation.yield(value) }
                        continuation.finish()
                    }
                }
            }
            """,
            """
            func ticks(_ tasks: TaskStore) -> AsyncStream<Int> {
                AsyncStream { continuation in
                    let task = Task {
                        while true {
                            try await Task.sleep(for: .seconds(1))
                            continuation.yield(1)
                        }
                    }
                    tasks.keep(task)
                }
            }
            """,
            """
            func probe() async {
                let (stream, continuation) = AsyncStream<Void>.makeStream(of: Void.self)
                let task = Task {
                    while true { continuation.yield(); await Task.yield() }
                }
                await stream.first { _ in true }
                task.cancel()
            }
            """,
        ], rule: rule)
    }

    /// The stream's type from its context (`.init { }`), and `makeStream` with a producer task.
    func testStreamsBuiltByInitAndMakeStream() {
        assertFindings([
            ("""
            func ticks() -> AsyncStream<Int> {
                .init { continuation in
                    Task {
                        while true {
                            try await Task.sleep(for: .seconds(1))
                            continuation.yield(1)
                        }
                    }
                }
            }
            """, ["2:5: info: this AsyncStream's producer starts a task but never sets `continuation.onTermination`: when the consumer stops or is cancelled the work goes on; stop it in `onTermination` [swift-stream-without-termination]"]),
            ("""
            func lines() {
                let stream: AsyncThrowingStream<String, Error> = .init { continuation in
                    Task { for try await line in source { continuation.yield(line) } }
                }
                consume(stream)
            }
            """, ["2:54: info: this AsyncThrowingStream's producer starts a task but never sets `continuation.onTermination`: when the consumer stops or is cancelled the work goes on; stop it in `onTermination` [swift-stream-without-termination]"]),
            ("""
            func ticks() -> AsyncStream<Int> {
                let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
                Task {
                    while true {
                        try await Task.sleep(for: .seconds(1))
                        continuation.yield(1)
                    }
                }
                return stream
            }
            """, ["2:34: info: this AsyncStream's producer starts a task but never sets `continuation.onTermination`: when the consumer stops or is cancelled the work goes on; stop it in `onTermination` [swift-stream-without-termination]"]),
        ], rule: rule)
        assertSilent([
            """
            func ticks() -> AsyncStream<Int> {
                let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
                let task = Task {
                    while true {
                        try await Task.sleep(for: .seconds(1))
                        continuation.yield(1)
                    }
                }
                continuation.onTermination = { _ in task.cancel() }
                return stream
            }
            """,
            // a task that does not feed the continuation
            """
            func ticks() -> AsyncStream<Int> {
                let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
                Task { await log() }
                continuation.yield(1)
                continuation.finish()
                return stream
            }
            """,
            // `.init` of some other type
            """
            func ticks() -> Ticker {
                .init { continuation in
                    Task { while true { await continuation.tick() } }
                }
            }
            """,
        ], rule: rule)
    }
}
