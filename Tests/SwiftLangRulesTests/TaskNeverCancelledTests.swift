import XCTest

final class TaskNeverCancelledTests: XCTestCase {
    let rule = "swift-task-never-cancelled"

    func testReports() {
        assertFindings([
            // optional task property, no deinit
            ("""
            final class LocationTracker {
                private var updates: Task<Void, Never>?

                func start() {
                    updates = Task {
                        for await location in manager.locations {
                            self.record(location)
                        }
                    }
                }

                func stop() {
                    updates = nil
                }
            }
            """, [
                "5:19: info: the task stored in `updates` is never cancelled: nothing in `LocationTracker` calls `updates?.cancel()`; cancel it in `deinit` or in the method that stops the work [swift-task-never-cancelled]",
            ]),
            // dictionary of tasks in an actor
            ("""
            actor DownloadManager {
                private var downloads: [URL: Task<Data, Error>] = [:]

                func start(_ url: URL) {
                    downloads[url] = Task {
                        try await URLSession.shared.data(from: url).0
                    }
                }

                func finished(_ url: URL) {
                    downloads[url] = nil
                }
            }
            """, [
                "5:26: info: the tasks stored in `downloads` are never cancelled: nothing in `DownloadManager` cancels them; cancel each one (`downloads.forEach { $0.cancel() }`, for a dictionary `.values.forEach`) in `deinit` or in the method that stops the work [swift-task-never-cancelled]",
            ]),
            // array append with self
            ("""
            final class Scheduler {
                var jobs: [Task<Void, Never>] = []

                func schedule(_ work: @escaping @Sendable () async -> Void) {
                    self.jobs.append(Task { await work() })
                }
            }
            """, [
                "5:26: info: the tasks stored in `jobs` are never cancelled: nothing in `Scheduler` cancels them; cancel each one (`jobs.forEach { $0.cancel() }`, for a dictionary `.values.forEach`) in `deinit` or in the method that stops the work [swift-task-never-cancelled]",
            ]),
            // local constant stored
            ("""
            @MainActor
            final class ViewModel {
                private var refreshTask: Task<Void, Never>?

                func refresh() {
                    let task = Task { await self.reload() }
                    refreshTask = task
                }
            }
            """, [
                "6:20: info: the task stored in `refreshTask` is never cancelled: nothing in `ViewModel` calls `refreshTask?.cancel()`; cancel it in `deinit` or in the method that stops the work [swift-task-never-cancelled]",
            ]),
            // initial value of a lazy property
            ("""
            final class Clock {
                private lazy var ticker = Task.detached {
                    while true { await Clock.tick() }
                }
                func start() { _ = ticker }
            }
            """, [
                "2:31: info: the task stored in `ticker` is never cancelled: nothing in `Clock` calls `ticker?.cancel()`; cancel it in `deinit` or in the method that stops the work [swift-task-never-cancelled]",
            ]),
            // extension stores it
            ("""
            final class Monitor {
                var watch: Task<Void, Never>?
            }

            extension Monitor {
                func begin() {
                    watch = Task { while true { await poll() } }
                }
            }
            """, [
                "7:17: info: the task stored in `watch` is never cancelled: nothing in `Monitor` calls `watch?.cancel()`; cancel it in `deinit` or in the method that stops the work [swift-task-never-cancelled]",
            ]),
        ], rule: rule)
    }

    func testStaysSilent() {
        assertSilent([
            // cancelled in deinit
            """
            final class Poller {
                private var task: Task<Void, Never>?
                func start() { task = Task { while true { await poll() } } }
                deinit { task?.cancel() }
            }
            """,
            // cancelled through guard let
            """
            actor Streams {
                private var tasks: [String: Task<Void, Error>] = [:]
                func open(_ id: String) { tasks[id] = Task { try await serve(id) } }
                func close(_ id: String) {
                    guard let task = tasks[id] else { return }
                    tasks[id] = nil
                    task.cancel()
                }
            }
            """,
            // collection cancelled with forEach
            """
            final class Pool {
                var workers: [Task<Void, Never>] = []
                func spawn() { workers.append(Task { await work() }) }
                func shutdown() { workers.forEach { $0.cancel() } }
            }
            """,
            // dictionary cancelled in a for loop
            """
            final class Registry {
                var handles: [Int: Task<Void, Never>] = [:]
                func add(_ id: Int) { handles[id] = Task { await run(id) } }
                func stopAll() {
                    for handle in handles.values { handle.cancel() }
                }
            }
            """,
            // struct whose stop method cancels it
            """
            struct Runner {
                var task: Task<Void, Never>?
                mutating func start() { task = Task { await work() } }
                func stop() { task?.cancel() }
            }
            """,
            // a static task lives as long as the process
            """
            final class ClockObserver {
                static let shared = Task {
                    while !Task.isCancelled { await tick() }
                }
            }
            """,
            // stored and awaited through the local that made it
            """
            actor Serializer {
                private var last: Task<Int, Never>?
                func next(_ n: Int) async -> Int {
                    let previous = last
                    let task = Task {
                        _ = await previous?.value
                        return n * 2
                    }
                    last = task
                    return await task.value
                }
            }
            """,
            // task awaited by its owner
            """
            final class Cache {
                private var loading: Task<Data, Error>?
                func data() async throws -> Data {
                    if let loading { return try await loading.value }
                    let task = Task { try await fetch() }
                    loading = task
                    return try await task.value
                }
            }
            """,
            // handed to another owner
            """
            final class Starter {
                var task: Task<Void, Never>?
                func start(registry: Registry) {
                    task = Task { await work() }
                    registry.track(task)
                }
            }
            """,
            // local task, not stored
            """
            final class Once {
                func run() {
                    let task = Task { await work() }
                    _ = task
                }
            }
            """,
        ], rule: rule)
    }


    /// Cancellation counts only in the type that holds the task: another type's property of the
    /// same name, or a local named like the property, is another task.
    func testCancellationBelongsToTheOwner() {
        assertFindings([
            ("""
            final class Uploader {
                var task: Task<Void, Never>?
                func start() {
                    task = Task { await Task.yield() }
                }
            }

            final class Downloader {
                var task: Task<Void, Never>?
                func stop() { task?.cancel() }
            }

            final class Syncer {
                var job: Task<Void, Never>?
                func start() {
                    job = Task { await Task.yield() }
                }
                func probe() {
                    let job = Task { await Task.yield() }
                    job.cancel()
                }
            }
            """, [
                "4:16: info: the task stored in `task` is never cancelled: nothing in `Uploader` calls `task?.cancel()`; cancel it in `deinit` or in the method that stops the work [swift-task-never-cancelled]",
                "16:15: info: the task stored in `job` is never cancelled: nothing in `Syncer` calls `job?.cancel()`; cancel it in `deinit` or in the method that stops the work [swift-task-never-cancelled]",
            ]),
            // a struct that keeps its task
            ("""
            struct Ticker {
                var task: Task<Void, Never>?
                mutating func start(_ onTick: @escaping @Sendable () -> Void) {
                    task = Task {
                        while !Task.isCancelled {
                            try? await Task.sleep(for: .seconds(1))
                            onTick()
                        }
                    }
                }
            }
            """, [
                "4:16: info: the task stored in `task` is never cancelled: nothing in `Ticker` calls `task?.cancel()`; cancel it in `deinit` or in the method that stops the work [swift-task-never-cancelled]",
            ]),
        ], rule: rule)
        assertSilent([
            // cancelled in an extension of the owner, through a local copy of the property
            """
            final class Uploader {
                var task: Task<Void, Never>?
                func start() { task = Task { await Task.yield() } }
            }
            extension Uploader {
                func stop() {
                    let task = self.task
                    task?.cancel()
                }
            }
            """,
        ], rule: rule)
    }
}
