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
                "4:9: warning: `try?` swallows the CancellationError of `Task.sleep`, so after cancellation this `while true` loop goes on without waiting; write `try await Task.sleep(...)` and let the error end the loop, or check `Task.isCancelled` [swift-swallowed-cancellation]",
            ]),
            // try? on an injected clock's sleep
            ("""
            func tick(clock: some Clock<Duration>) async {
                while true {
                    try? await clock.sleep(for: .seconds(1))
                    print("tick")
                }
            }
            """, [
                "3:9: warning: `try?` swallows the CancellationError of `clock.sleep`, so after cancellation this `while true` loop goes on without waiting; write `try await clock.sleep(...)` and let the error end the loop, or check `Task.isCancelled` [swift-swallowed-cancellation]",
            ]),
            // a bounded retry inside an endless loop: the outer loop spins
            ("""
            func pump() async {
                while true {
                    for _ in 0..<3 {
                        try? await Task.sleep(for: .seconds(1))
                    }
                    await flush()
                }
            }
            """, [
                "4:13: warning: `try?` swallows the CancellationError of `Task.sleep`, so after cancellation this `while true` loop goes on without waiting; write `try await Task.sleep(...)` and let the error end the loop, or check `Task.isCancelled` [swift-swallowed-cancellation]",
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
                "5:11: warning: this `catch` takes every error, CancellationError included, and carries on, so after cancellation the `while true` loop goes on; end the loop on `CancellationError` (`catch is CancellationError { return }`) or check `Task.isCancelled` [swift-swallowed-cancellation]",
            ]),
            // catch continue
            ("""
            func sendAll(over channel: Channel) async {
                while true {
                    do {
                        try await channel.send(next())
                    } catch {
                        continue
                    }
                }
            }
            """, [
                "5:11: warning: this `catch` takes every error, CancellationError included, and carries on, so after cancellation the `while true` loop goes on; end the loop on `CancellationError` (`catch is CancellationError { return }`) or check `Task.isCancelled` [swift-swallowed-cancellation]",
            ]),
            // a catch that only logs, around the sleep
            ("""
            func refreshForever() async {
                while true {
                    do {
                        try await work()
                        try await Task.sleep(for: .seconds(1))
                    } catch {
                        print("refresh failed: \\(error)")
                        failures += 1
                    }
                }
            }
            """, [
                "6:11: warning: this `catch` takes every error, CancellationError included, and carries on, so after cancellation the `while true` loop goes on; end the loop on `CancellationError` (`catch is CancellationError { return }`) or check `Task.isCancelled` [swift-swallowed-cancellation]",
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
                "3:13: warning: `try?` swallows the CancellationError of `Task.sleep`, so after cancellation this `repeat { } while true` loop goes on without waiting; write `try await Task.sleep(...)` and let the error end the loop, or check `Task.isCancelled` [swift-swallowed-cancellation]",
            ]),
        ], rule: rule)
    }

    func testStaysSilent() {
        assertSilent([
            // a loop that ends by its condition: a queue that runs dry, a deadline
            """
            func retry(_ queue: Queue) {
                Task {
                    while let url = queue.next() {
                        await download(url)
                        try? await Task.sleep(nanoseconds: 1_000_000_000)
                    }
                }
            }
            """,
            """
            func waitUntil(timeout: Duration, _ condition: () -> Bool) async {
                let clock = ContinuousClock()
                let start = clock.now
                while clock.now - start < timeout {
                    if condition() { return }
                    try? await Task.sleep(for: .milliseconds(5))
                }
            }
            """,
            // a catch that ends the loop through its condition, or by stopping the process
            """
            func resolve() async {
                var continueResolving = true
                while continueResolving {
                    do {
                        try await Task.sleep(for: delay)
                    } catch {
                        continueResolving = false
                    }
                }
            }
            """,
            """
            func forEach() async {
                while true {
                    do {
                        try await body()
                    } catch {
                        fatalError()
                    }
                }
            }
            """,
            // a fixed number of attempts: after cancellation the loop still ends after its last one
            """
            func retry(_ op: () async -> Bool) async -> Bool {
                for _ in 0..<3 {
                    if await op() { return true }
                    try? await Task.sleep(nanoseconds: 100_000_000)
                }
                return false
            }
            """,
            // a loop over a collection, catch that goes on
            """
            func sendAll(_ messages: [Message], over channel: Channel) async {
                for message in messages {
                    do {
                        try await channel.send(message)
                    } catch {
                        continue
                    }
                }
            }
            """,
            // a catch that logs and then leaves the loop
            """
            func refresh() async {
                while true {
                    do {
                        try await Task.sleep(for: .seconds(1))
                    } catch {
                        print("stopped: \\(error)")
                        return
                    }
                }
            }
            """,
            // a catch that backs off with a sleep whose error ends the loop
            """
            func refresh() async throws {
                while true {
                    do {
                        try await work()
                    } catch {
                        log(error)
                        try await Task.sleep(for: .seconds(5))
                    }
                }
            }
            """,
            // a catch that singles out cancellation by name
            """
            func refresh() async {
                while true {
                    do {
                        try await work()
                    } catch {
                        if error is CancellationError { break }
                        log(error)
                    }
                }
            }
            """,
            // a non-throwing sleep of some other object
            """
            func tick(timer: Timer) async {
                while true {
                    try? timer.sleep()
                }
            }
            """,
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
