import XCTest

final class DetachedInAsyncTests: XCTestCase {
    let rule = "swift-detached-in-async"

    func testReports() {
        assertFindings([
            // awaited value
            ("""
            func render(_ page: Page) async -> Image {
                await Task.detached {
                    page.render()
                }.value
            }
            """, [
                "2:11: info: this `Task.detached` is awaited right away, so the caller waits anyway but its cancellation, priority and task-local values do not reach the work; call the work directly, or use `async let` or a task group [swift-detached-in-async]",
            ]),
            // try await value with priority
            ("""
            func decode(_ data: Data) async throws -> Model {
                return try await Task.detached(priority: .userInitiated) {
                    try JSONDecoder().decode(Model.self, from: data)
                }.value
            }
            """, [
                "2:22: info: this `Task.detached` is awaited right away, so the caller waits anyway but its cancellation, priority and task-local values do not reach the work; call the work directly, or use `async let` or a task group [swift-detached-in-async]",
            ]),
            // local constant awaited later
            ("""
            func checksum(_ file: URL) async -> String {
                let work = Task.detached { hash(file) }
                log("hashing")
                return await work.value
            }
            """, [
                "2:16: info: this `Task.detached` is awaited right away, so the caller waits anyway but its cancellation, priority and task-local values do not reach the work; call the work directly, or use `async let` or a task group [swift-detached-in-async]",
            ]),
            // result read
            ("""
            func load() async {
                let outcome = await Task.detached { try parse() }.result
                handle(outcome)
            }
            """, [
                "2:25: info: this `Task.detached` is awaited right away, so the caller waits anyway but its cancellation, priority and task-local values do not reach the work; call the work directly, or use `async let` or a task group [swift-detached-in-async]",
            ]),
            // in a task closure
            ("""
            func start() {
                Task {
                    let image = await Task.detached { render() }.value
                    show(image)
                }
            }
            """, [
                "3:27: info: this `Task.detached` is awaited right away, so the caller waits anyway but its cancellation, priority and task-local values do not reach the work; call the work directly, or use `async let` or a task group [swift-detached-in-async]",
            ]),
        ], rule: rule)
    }

    func testStaysSilent() {
        assertSilent([
            // not awaited
            """
            func start() async {
                Task.detached { await cleanup() }
            }
            """,
            // synchronous context
            """
            func start() {
                let task = Task.detached { render() }
                store(task)
            }
            """,
            // handle kept and cancellable
            """
            func start() async {
                let task = Task.detached { await render() }
                tasks.append(task)
                _ = await task.value
            }
            """,
            // inheriting task
            """
            func render() async -> Image {
                await Task { draw() }.value
            }
            """,
            // handle cancelled
            """
            func run() async {
                let task = Task.detached { await work() }
                defer { task.cancel() }
                await task.value
            }
            """,
        ], rule: rule)
    }

}
