import XCTest
import LintCore
import SwiftLangRules

final class BlockingWaitInAsyncTests: XCTestCase {
    let rule = "swift-blocking-wait-in-async"

    func testReports() {
        assertFindings([
            // Thread.sleep in async function
            ("""
            import Foundation

            func waitForServer() async {
                Thread.sleep(forTimeInterval: 0.5)
            }
            """, [
                "4:5: info: `Thread.sleep` blocks a thread of the cooperative pool in async code and cannot be cancelled; use `try await Task.sleep(for:)` [swift-blocking-wait-in-async]",
            ]),
            // usleep and sleep in a task
            ("""
            func start() {
                Task {
                    usleep(1000)
                    sleep(2)
                    await work()
                }
            }
            """, [
                "3:9: info: `usleep` blocks a thread of the cooperative pool in async code and cannot be cancelled; use `try await Task.sleep(for:)` [swift-blocking-wait-in-async]",
                "4:9: info: `sleep` blocks a thread of the cooperative pool in async code and cannot be cancelled; use `try await Task.sleep(for:)` [swift-blocking-wait-in-async]",
            ]),
            // semaphore property wait
            ("""
            final class Loader {
                private let semaphore = DispatchSemaphore(value: 0)
                func load() async -> Data {
                    fetch { self.semaphore.signal() }
                    semaphore.wait()
                    return data
                }
            }
            """, [
                "5:9: info: `semaphore.wait()` on a DispatchSemaphore blocks a thread of the cooperative pool in async code and cannot be cancelled; await an async primitive instead (a continuation, an `AsyncStream`, a task group) [swift-blocking-wait-in-async]",
            ]),
            // group parameter with timeout
            ("""
            func finish(group: DispatchGroup) async {
                _ = group.wait(timeout: .now() + 5)
            }
            """, [
                "2:9: info: `group.wait()` on a DispatchGroup blocks a thread of the cooperative pool in async code and cannot be cancelled; await an async primitive instead (a continuation, an `AsyncStream`, a task group) [swift-blocking-wait-in-async]",
            ]),
            // closure awaited in place
            ("""
            func flush(_ queue: Queue, _ group: DispatchGroup) async {
                await MainActor.run {
                    group.wait()
                }
            }
            """, [
                "3:9: info: `group.wait()` on a DispatchGroup blocks a thread of the cooperative pool in async code and cannot be cancelled; await an async primitive instead (a continuation, an `AsyncStream`, a task group) [swift-blocking-wait-in-async]",
            ]),
            // closure that awaits is async
            ("""
            let semaphore: DispatchSemaphore = DispatchSemaphore(value: 1)
            let job = {
                semaphore.wait()
                await work()
            }
            """, [
                "3:5: info: `semaphore.wait()` on a DispatchSemaphore blocks a thread of the cooperative pool in async code and cannot be cancelled; await an async primitive instead (a continuation, an `AsyncStream`, a task group) [swift-blocking-wait-in-async]",
            ]),
        ], rule: rule)
    }

    func testStaysSilent() {
        assertSilent([
            // Task.sleep
            """
            func pause() async throws {
                try await Task.sleep(for: .seconds(1))
            }
            """,
            // synchronous function
            """
            func pause() {
                Thread.sleep(forTimeInterval: 1)
                DispatchSemaphore(value: 0).wait()
            }
            """,
            // dispatched closure is not async
            """
            func start(semaphore: DispatchSemaphore) async {
                DispatchQueue.global().async {
                    semaphore.wait()
                }
            }
            """,
            // own sleep function
            """
            func sleep(_ seconds: Int) async {}
            func run() async {
                sleep(1)
            }
            """,
            // awaited wait of another type
            """
            func run(condition: AsyncCondition) async {
                await condition.wait()
            }
            """,
            // unknown receiver type
            """
            func run(lock: SomeLock) async {
                lock.wait()
            }
            """,
            // labeled sleep argument
            """
            func run(clock: TestClock) async {
                clock.sleep(for: .seconds(1))
            }
            """,
        ], rule: rule)
    }


    /// NIO's embedded channel and event loop complete their futures inline: no wait blocks.
    func testFuturesOfEmbeddedChannelsCompleteInline() {
        assertFindings([
            ("""
            final class HandlerTests: XCTestCase {
                var channel: EmbeddedChannel!

                func testConnect() async throws {
                    try self.channel.connect(to: address).wait()
                    let local = EmbeddedChannel()
                    try local.pipeline.addHandler(handler).wait()
                    let loop = EmbeddedEventLoop()
                    try loop.submit { 1 }.wait()
                }

                func testAsyncChannel() async throws {
                    let testing = NIOAsyncTestingChannel()
                    try testing.pipeline.addHandler(handler).wait()
                }
            }
            """, [
                "14:13: info: `testing.pipeline.addHandler(...).wait()`, a synchronous throwing wait (an EventLoopFuture's), blocks a thread of the cooperative pool in async code and cannot be cancelled; await the future's `get()` instead [swift-blocking-wait-in-async]",
            ]),
        ], rule: rule)
    }

    /// Closures that async code runs in place, futures' `wait()`, and configured calls.
    func testClosuresRunInPlaceFuturesAndConfiguredCalls() {
        assertFindings([
            ("""
            func measure(_ body: () -> Void) { body() }

            func bench() async {
                measure {
                    usleep(100_000)
                }
                [1, 2].forEach { _ in Thread.sleep(forTimeInterval: 1) }
            }
            """, [
                "5:9: info: `usleep` blocks a thread of the cooperative pool in async code and cannot be cancelled; use `try await Task.sleep(for:)` [swift-blocking-wait-in-async]",
                "7:27: info: `Thread.sleep` blocks a thread of the cooperative pool in async code and cannot be cancelled; use `try await Task.sleep(for:)` [swift-blocking-wait-in-async]",
            ]),
            ("""
            func value(of future: EventLoopFuture<Int>) async throws -> Int {
                try future.wait()
            }
            func close(_ channel: Channel) async throws {
                try channel.close().wait()
            }
            func send(_ client: Client) async throws {
                try client.execute(request: request,
                                   delegate: delegate).wait()
            }
            """, [
                "2:9: info: `future.wait()` on an EventLoopFuture blocks a thread of the cooperative pool in async code and cannot be cancelled; await the future's `get()` instead [swift-blocking-wait-in-async]",
                "5:9: info: `channel.close().wait()`, a synchronous throwing wait (an EventLoopFuture's), blocks a thread of the cooperative pool in async code and cannot be cancelled; await the future's `get()` instead [swift-blocking-wait-in-async]",
                "8:9: info: `client.execute(...).wait()`, a synchronous throwing wait (an EventLoopFuture's), blocks a thread of the cooperative pool in async code and cannot be cancelled; await the future's `get()` instead [swift-blocking-wait-in-async]",
            ]),
        ], rule: rule)
        assertSilent([
            // an escaping parameter: the closure runs later, elsewhere
            """
            func later(_ body: @escaping () -> Void) { queue.async(execute: body) }
            func start() async {
                later { usleep(100) }
            }
            """,
            // a closure given to a call of unknown behaviour
            """
            func start() async {
                register { usleep(100) }
            }
            """,
            // awaiting the future
            """
            func value(of future: EventLoopFuture<Int>) async throws -> Int {
                try await future.get()
            }
            """,
            // a synchronous function
            """
            func value(of future: EventLoopFuture<Int>) throws -> Int {
                try future.wait()
            }
            """,
        ], rule: rule)
        var settings = LintSettings()
        settings.options[SwiftFrontEnd.extraBlockingCalls.name] = .list(["Pipe.drain", "waitForExit"])
        let source = """
            func run(pipe: Pipe, other: Other) async {
                pipe.drain()
                other.drain()
                waitForExit()
            }
            """
        XCTAssertEqual(swiftFindings(source, only: rule, settings: settings), [
            "2:5: info: `pipe.drain()` on a Pipe blocks a thread of the cooperative pool in async code and cannot be cancelled; await an async primitive instead (a continuation, an `AsyncStream`, a task group) [swift-blocking-wait-in-async]",
            "4:5: info: `waitForExit` blocks a thread of the cooperative pool in async code and cannot be cancelled; await an async primitive instead (a continuation, an `AsyncStream`, a task group) [swift-blocking-wait-in-async]",
        ])
        XCTAssertEqual(swiftFindings(source, only: rule), [])
        // A file whose only blocking call is a configured one is still checked.
        XCTAssertEqual(swiftFindings("func run(pipe: Pipe) async {\n    pipe.drain()\n}", only: rule, settings: settings), [
            "2:5: info: `pipe.drain()` on a Pipe blocks a thread of the cooperative pool in async code and cannot be cancelled; await an async primitive instead (a continuation, an `AsyncStream`, a task group) [swift-blocking-wait-in-async]",
        ])
    }
}
