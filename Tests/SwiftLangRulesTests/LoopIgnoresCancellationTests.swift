import XCTest

final class LoopIgnoresCancellationTests: XCTestCase {
    let rule = "swift-loop-ignores-cancellation"

    func testReports() {
        assertFindings([
            // async function polling
            ("""
            func waitForJob(_ id: Int, client: Client) async -> Job {
                while true {
                    let job = await client.job(id)
                    process(job)
                }
            }
            """, [
                "2:5: info: this `while true` loop waits in async code but never checks cancellation: after its task is cancelled it runs on; call `try Task.checkCancellation()` or test `Task.isCancelled` in the loop [swift-loop-ignores-cancellation]",
            ]),
            // task closure
            ("""
            final class Ticker {
                var task: Task<Void, Never>?
                func start() {
                    task = Task {
                        while true {
                            await self.tick()
                            await Task.yield()
                        }
                    }
                }
            }
            """, [
                "5:13: info: this `while true` loop waits in async code but never checks cancellation: after its task is cancelled it runs on; call `try Task.checkCancellation()` or test `Task.isCancelled` in the loop [swift-loop-ignores-cancellation]",
            ]),
            // repeat while true in async method
            ("""
            actor Pump {
                func run(source: Source) async {
                    repeat {
                        let chunk = await source.read()
                        self.write(chunk)
                    } while true
                }
            }
            """, [
                "3:9: info: this `repeat { } while true` loop waits in async code but never checks cancellation: after its task is cancelled it runs on; call `try Task.checkCancellation()` or test `Task.isCancelled` in the loop [swift-loop-ignores-cancellation]",
            ]),
            // try? await does not propagate
            ("""
            func keepAlive(_ socket: Socket) async {
                while true {
                    try? await socket.ping()
                    await socket.waitForPong()
                }
            }
            """, [
                "2:5: info: this `while true` loop waits in async code but never checks cancellation: after its task is cancelled it runs on; call `try Task.checkCancellation()` or test `Task.isCancelled` in the loop [swift-loop-ignores-cancellation]",
            ]),
            // closure that awaits
            ("""
            let worker = { () async in
                while true {
                    await queue.process()
                }
            }
            """, [
                "2:5: info: this `while true` loop waits in async code but never checks cancellation: after its task is cancelled it runs on; call `try Task.checkCancellation()` or test `Task.isCancelled` in the loop [swift-loop-ignores-cancellation]",
            ]),
            // async getter
            ("""
            struct Feed {
                var latest: Item {
                    get async {
                        while true {
                            await refresh()
                        }
                    }
                }
            }
            """, [
                "4:13: info: this `while true` loop waits in async code but never checks cancellation: after its task is cancelled it runs on; call `try Task.checkCancellation()` or test `Task.isCancelled` in the loop [swift-loop-ignores-cancellation]",
            ]),
        ], rule: rule)
    }

    func testStaysSilent() {
        assertSilent([
            // checks Task.isCancelled
            """
            func run() async {
                while true {
                    if Task.isCancelled { return }
                    await work()
                }
            }
            """,
            // checkCancellation
            """
            func run() async throws {
                while true {
                    try Task.checkCancellation()
                    await work()
                }
            }
            """,
            // try await propagates
            """
            func run() async throws {
                while true {
                    try await Task.sleep(for: .seconds(1))
                    await work()
                }
            }
            """,
            // bounded condition
            """
            func run() async {
                while !queue.isEmpty {
                    await queue.process()
                }
            }
            """,
            // loop with break
            """
            func run(_ iterator: Iterator) async {
                while true {
                    guard let value = await iterator.next() else { break }
                    use(value)
                }
            }
            """,
            // synchronous function
            """
            func spin() {
                while true {
                    step()
                }
            }
            """,
            // no await in body
            """
            func run() async {
                while true {
                    step()
                    if done { return }
                }
            }
            """,
            // for await ends with the sequence
            """
            func run(_ stream: AsyncStream<Int>) async {
                for await value in stream { await handle(value) }
            }
            """,
            // while !Task.isCancelled
            """
            func run() async {
                while !Task.isCancelled {
                    await work()
                }
            }
            """,
            // swallowed sleep is the other rule's
            """
            func run() async {
                while true {
                    try? await Task.sleep(for: .seconds(1))
                    await work()
                }
            }
            """,
        ], rule: rule)
    }

}
