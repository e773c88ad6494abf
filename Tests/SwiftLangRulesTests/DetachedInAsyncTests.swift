import XCTest

final class DetachedInAsyncTests: XCTestCase {
    let rule = "swift-detached-in-async"

    let message = "this `Task.detached` is awaited right away, so the caller waits for it anyway, but the caller's cancellation does not reach the cancellable work its body awaits: a cancelled caller waits until that work is done; await the work in the caller (`async let` or a task group to run it alongside) [swift-detached-in-async]"

    func testReports() {
        assertFindings([
            // awaited value, the body's call may throw on cancellation
            ("""
            func render(_ page: Page) async throws -> Image {
                try await Task.detached {
                    try await page.render()
                }.value
            }
            """, [
                "2:15: info: " + message,
            ]),
            // try await value with priority, body sleeps
            ("""
            func decode(_ data: Data) async throws -> Model {
                return try await Task.detached(priority: .userInitiated) {
                    try await Task.sleep(for: .milliseconds(10))
                    return try JSONDecoder().decode(Model.self, from: data)
                }.value
            }
            """, [
                "2:22: info: " + message,
            ]),
            // local constant awaited later, body checks cancellation
            ("""
            func checksum(_ file: URL) async -> String {
                let work = Task.detached {
                    for chunk in chunks(file) {
                        if Task.isCancelled { break }
                        hash(chunk)
                    }
                    return digest()
                }
                log("hashing")
                return await work.value
            }
            """, [
                "2:16: info: " + message,
            ]),
            // result read, body iterates a throwing async sequence
            ("""
            func load() async {
                let outcome = await Task.detached { for try await line in url.lines { parse(line) } }.result
                handle(outcome)
            }
            """, [
                "2:25: info: " + message,
            ]),
            // in a task closure
            ("""
            func start() {
                Task {
                    let image = try await Task.detached { try await render() }.value
                    show(image)
                }
            }
            """, [
                "3:31: info: " + message,
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
            // synchronous work moved off the caller's actor: nothing in it observes cancellation
            """
            @MainActor
            final class ExportModel {
                func export(_ data: Data, to url: URL) async throws {
                    try await Task.detached(priority: .userInitiated) {
                        try data.write(to: url)
                    }.value
                }
            }
            """,
            // a priority hop that only yields
            """
            func yieldToBackground() async {
                await Task.detached(priority: .background) { await Task.yield() }.value
            }
            """,
            // a body that awaits only non-throwing work
            """
            func render(_ page: Page) async -> Image {
                await Task.detached { await page.render() }.value
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
