import XCTest

final class SwallowedCancellationTests: XCTestCase {
    let rule = "swift-swallowed-cancellation"

    func testReports() {
        assertFindings([
            // try? sleep in while true
            ("""
            func refreshLoop(store: Store) async {
                while true {
                    await store.refresh()
                    try? await Task.sleep(for: .seconds(30))
                }
            }
            """, [
                "4:9: error: `try?` swallows the CancellationError of `Task.sleep`, so after cancellation this `while true` loop goes on without waiting; write `try await Task.sleep(...)` and let the error end the loop, or check `Task.isCancelled` [swift-swallowed-cancellation]",
            ]),
            // try? sleep nanoseconds in task closure for loop
            ("""
            func retry(_ urls: [URL]) {
                Task {
                    for url in urls {
                        await download(url)
                        try? await Task.sleep(nanoseconds: 1_000_000_000)
                    }
                }
            }
            """, [
                "5:13: error: `try?` swallows the CancellationError of `Task.sleep`, so after cancellation this `for` loop goes on without waiting; write `try await Task.sleep(...)` and let the error end the loop, or check `Task.isCancelled` [swift-swallowed-cancellation]",
            ]),
            // empty catch around awaited call
            ("""
            func pollForever(client: Client) async {
                while true {
                    do {
                        try await client.poll()
                    } catch {
                    }
                }
            }
            """, [
                "5:11: error: this `catch` ignores every error, CancellationError included, so after cancellation the `while true` loop goes on; end the loop on `CancellationError` (`catch is CancellationError { return }`) or check `Task.isCancelled` [swift-swallowed-cancellation]",
            ]),
            // catch continue
            ("""
            func sendAll(_ messages: [Message], over channel: Channel) async {
                for message in messages {
                    do {
                        try await channel.send(message)
                    } catch {
                        continue
                    }
                }
            }
            """, [
                "5:11: error: this `catch` ignores every error, CancellationError included, so after cancellation the `for` loop goes on; end the loop on `CancellationError` (`catch is CancellationError { return }`) or check `Task.isCancelled` [swift-swallowed-cancellation]",
            ]),
            // discarded result of try?
            ("""
            func heartbeat() async {
                repeat {
                    _ = try? await Task.sleep(until: .now + .seconds(1), clock: .continuous)
                    await beat()
                } while true
            }
            """, [
                "3:13: error: `try?` swallows the CancellationError of `Task.sleep`, so after cancellation this `repeat { } while true` loop goes on without waiting; write `try await Task.sleep(...)` and let the error end the loop, or check `Task.isCancelled` [swift-swallowed-cancellation]",
            ]),
        ], rule: rule)
    }

    func testStaysSilent() {
        assertSilent([
            // loop checks isCancelled in condition
            """
            func run() async {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    await work()
                }
            }
            """,
            // loop checks isCancelled in body
            """
            func run() async {
                while true {
                    try? await Task.sleep(for: .seconds(1))
                    guard !Task.isCancelled else { return }
                    await work()
                }
            }
            """,
            // plain try sleep
            """
            func run() async throws {
                while true {
                    try await Task.sleep(for: .seconds(1))
                    await work()
                }
            }
            """,
            // CancellationError handled first
            """
            func run() async {
                while true {
                    do {
                        try await work()
                    } catch is CancellationError {
                        return
                    } catch {
                    }
                }
            }
            """,
            // catch that handles the error
            """
            func run() async {
                while true {
                    do {
                        try await work()
                    } catch {
                        logger.error("failed: " + error.localizedDescription)
                        return
                    }
                }
            }
            """,
            // try? sleep outside a loop
            """
            func delayed() async {
                try? await Task.sleep(for: .seconds(1))
                await work()
            }
            """,
            // for await loop ends on cancellation
            """
            func consume(_ stream: AsyncStream<Int>) async {
                for await value in stream {
                    do { try await handle(value) } catch { }
                }
            }
            """,
            // other try? call
            """
            func run() async {
                while true {
                    try? await client.ping()
                    try await Task.sleep(for: .seconds(1))
                }
            }
            """,
            // while let with await ends with its source
            """
            func run(_ group: inout TaskGroup<Int>) async {
                while let value = await group.next() {
                    try? await Task.sleep(for: .milliseconds(value))
                }
            }
            """,
        ], rule: rule)
    }

}
