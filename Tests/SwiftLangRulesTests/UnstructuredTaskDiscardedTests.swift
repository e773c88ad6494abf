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
                "3:9: warning: the task's handle is discarded while its body runs an unbounded loop (`for await`): nothing can cancel it, and it keeps `self` alive; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]",
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
                "3:9: warning: the task's handle is discarded while its body runs an unbounded loop (`while true`): nothing can cancel it; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]",
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
                "2:9: warning: the task's handle is discarded while its body runs an unbounded loop (`while !Task.isCancelled`): nothing can cancel it; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]",
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
                "3:9: warning: the task's handle is discarded while its body runs an unbounded loop (`repeat { } while true`): nothing can cancel it, and it keeps `self` alive; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]",
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
                "2:5: warning: the task's handle is discarded while its body runs an unbounded loop (`for await`): nothing can cancel it; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]",
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
                "2:5: warning: the task's handle is discarded while its body runs an unbounded loop (`while true`): nothing can cancel it; store the task and cancel it when its owner stops [swift-unstructured-task-discarded]",
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

}
