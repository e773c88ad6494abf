import XCTest

final class UnstructuredTaskDiscardedTests: XCTestCase {
    let rule = "swift-unstructured-task-discarded"

    func testReports() {
        assertFindings([
            // for await over notifications, strong self
            ("""
            final class Watcher {
                func start() {
                    Task {
                        for await note in NotificationCenter.default.notifications(named: .didChange) {
                            self.handle(note)
                        }
                    }
                }
            }
            """, [
                "3:9: info: the task's handle is discarded while its body runs an unbounded loop (`for await`): nothing can cancel it, and it keeps `self` alive; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]",
            ]),
            // while true with weak self
            ("""
            final class Poller {
                func start() {
                    Task { [weak self] in
                        while true {
                            try await Task.sleep(for: .seconds(5))
                            await self?.poll()
                        }
                    }
                }
            }
            """, [
                "3:9: info: the task's handle is discarded while its body runs an unbounded loop (`while true`): nothing can cancel it; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]",
            ]),
            // detached assigned to underscore, until cancelled
            ("""
            func startHeartbeat(connection: Connection) {
                _ = Task.detached(priority: .background) {
                    while !Task.isCancelled {
                        await connection.ping()
                    }
                }
            }
            """, [
                "2:9: info: the task's handle is discarded while its body runs an unbounded loop (`while !Task.isCancelled`): nothing can cancel it; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]",
            ]),
            // repeat while true inside do
            ("""
            actor Feed {
                func run() {
                    Task<Void, Never> {
                        do {
                            repeat {
                                await self.refresh()
                            } while true
                        }
                    }
                }
            }
            """, [
                "3:9: info: the task's handle is discarded while its body runs an unbounded loop (`repeat { } while true`): nothing can cancel it, and it keeps `self` alive; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]",
            ]),
            // operation label
            ("""
            func listen(_ events: AsyncStream<Event>) {
                Task(priority: .utility, operation: {
                    for await event in events {
                        print(event)
                    }
                })
            }
            """, [
                "2:5: info: the task's handle is discarded while its body runs an unbounded loop (`for await`): nothing can cancel it; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]",
            ]),
            // nested in if inside closure body
            ("""
            func start(enabled: Bool) {
                Task {
                    if enabled {
                        while true { await tick() }
                    }
                }
            }
            """, [
                "2:5: info: the task's handle is discarded while its body runs an unbounded loop (`while true`): nothing can cancel it; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]",
            ]),
        ], rule: rule)
    }

    func testStaysSilent() {
        assertSilent([
            // stored handle
            """
            final class Poller {
                var task: Task<Void, Never>?
                func start() {
                    task = Task { while true { await poll() } }
                }
            }
            """,
            // bounded loop
            """
            func load(ids: [Int]) {
                Task {
                    for id in ids { await fetch(id) }
                }
            }
            """,
            // while true with break
            """
            func drain(queue: Queue) {
                Task {
                    while true {
                        guard let item = await queue.next() else { break }
                        handle(item)
                    }
                }
            }
            """,
            // for await with return
            """
            func waitForReady(_ states: AsyncStream<State>) {
                Task {
                    for await state in states where state == .ready {
                        return
                    }
                }
            }
            """,
            // loop in nested closure is not the task's
            """
            func start() {
                Task {
                    let handler = { while true { spin() } }
                    register(handler)
                }
            }
            """,
            // returned handle
            """
            func start() -> Task<Void, Never> {
                return Task { while true { await poll() } }
            }
            """,
            // Task defined locally as another type
            """
            func start() {
                let value = Tasks { while true { await poll() } }
                use(value)
            }
            """,
            // in a comment and string
            """
            // Task { while true { await poll() } }
            let text = "Task { while true { await poll() } }"

            """,
        ], rule: rule)
    }


    /// Loops in closures that run within the task count; a loop that ends by itself does not;
    /// a task returned implicitly or started by top-level code is not discarded.
    func testLoopsAndHandlesOfTheTaskBody() {
        assertFindings([
            ("""
            func pump(_ requests: AsyncStream<Int>, send: @escaping @Sendable (Int) async throws -> Void) {
                Task {
                    await withTaskCancellationHandler {
                        do {
                            for try await r in requests { try await send(r) }
                        } catch {}
                    } onCancel: {
                    }
                }
            }
            """, ["2:5: info: the task's handle is discarded while its body runs an unbounded loop (`for await`): nothing can cancel it; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]"]),
            ("""
            func serve(_ jobs: [Job]) {
                Task {
                    await withTaskGroup(of: Void.self) { group in
                        group.addTask {
                            while true { await jobs.first?.run() }
                        }
                    }
                }
            }
            """, ["2:5: info: the task's handle is discarded while its body runs an unbounded loop (`while true`): nothing can cancel it; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]"]),
            // an iterator pulled by hand
            ("""
            func drain(_ s: AsyncStream<Int>) {
                Task {
                    var iterator = s.makeAsyncIterator()
                    while let v = await iterator.next() { print(v) }
                }
            }
            """, ["2:5: info: the task's handle is discarded while its body runs an unbounded loop (`while ... await`): nothing can cancel it; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]"]),
            // a stream of another function: it may never end
            ("""
            func replay(_ s: AsyncStream<Int>) {
                Task {
                    for await v in s { print(v) }
                }
            }
            """, ["2:5: info: the task's handle is discarded while its body runs an unbounded loop (`for await`): nothing can cancel it; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]"]),
        ], rule: rule)
        assertSilent([
            """
            func startListening(_ s: AsyncStream<Int>) -> Task<Void, Never> {
                Task {
                    for await v in s { print(v) }
                }
            }
            """,
            """
            final class Feed {
                let updates: AsyncStream<Int>
                var listener: Task<Void, Never> {
                    Task { [updates] in
                        for await v in updates { print(v) }
                    }
                }
                var other: Task<Void, Never> {
                    get { Task { for await v in updates { print(v) } } }
                }
            }
            """,
            // a stream this code fills and finishes
            """
            func replay(_ items: [Int]) {
                let s = AsyncStream<Int> { c in
                    for i in items { c.yield(i) }
                    c.finish()
                }
                Task {
                    for await v in s { print(v) }
                }
            }
            """,
            """
            func replay(_ items: [Int]) {
                let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
                for i in items { continuation.yield(i) }
                continuation.finish()
                Task {
                    for await v in stream { print(v) }
                }
            }
            """,
            // until cancelled, but the body returns
            """
            func poll() {
                Task {
                    while !Task.isCancelled {
                        if await fetch() { return }
                    }
                }
            }
            """,
            // a condition that awaits a flag is a condition, not a sequence
            """
            func run(_ isRunning: ActorIsolated<Bool>) {
                Task {
                    while await isRunning.value {
                        try await clock.sleep(for: .seconds(1))
                    }
                }
            }
            """,
            // an escaping closure in the task body is not the task's loop
            """
            func start() {
                Task {
                    queue.async { while true { spin() } }
                    await work()
                }
            }
            """,
        ], rule: rule)
        // Top-level code runs for the whole process.
        XCTAssertEqual(swiftFindings("""
            let bus = EventBus()
            Task {
                for await event in bus.stream() { print(event) }
            }
            try await Task.sleep(for: .seconds(1))
            """, only: rule, path: "main.swift"), [])
    }
}
