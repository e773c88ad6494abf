extension ScalingShapes {
    /// Swift sources whose analysis must stay linear.
    static var swiftShapes: [ScalingShape] {
        [
            ScalingShape(name: "swift-class-with-task-properties",
                         summary: "a class with many stored task properties, none cancelled",
                         baseSize: 1_000) { n in
                [GeneratedFile(path: "Tasks.swift", text: "final class Worker {\n" + repeated(n) { i in
                    "    var task\(i): Task<Void, Never>?\n"
                } + "    func start() {\n" + repeated(n) { i in
                    "        task\(i) = Task { await work(\(i)) }\n"
                } + "    }\n}\n")]
            },
            ScalingShape(name: "swift-class-cancelling-its-tasks",
                         summary: "a class with many task properties, each cancelled in deinit",
                         baseSize: 150) { n in
                [GeneratedFile(path: "Tasks.swift", text: "final class Worker {\n" + repeated(n) { i in
                    "    var task\(i): Task<Void, Never>?\n"
                } + "    func start() {\n" + repeated(n) { i in
                    "        task\(i) = Task { await work(\(i)) }\n"
                } + "    }\n    deinit {\n" + repeated(n) { i in
                    "        task\(i)?.cancel()\n"
                } + "    }\n}\n")]
            },
            ScalingShape(name: "swift-classes-with-extensions",
                         summary: "classes, each with a task property and an extension",
                         baseSize: 300) { n in
                [GeneratedFile(path: "Classes.swift", text: repeated(n) { i in
                    "final class C\(i) {\n    var task: Task<Void, Never>?\n    func start() { task = Task { } }\n}\n"
                        + "extension C\(i) {\n    func stop() { task?.cancel() }\n}\n"
                })]
            },
            ScalingShape(name: "swift-functions-with-loops-and-closures",
                         summary: "async functions that each loop and create closures",
                         baseSize: 500) { n in
                [GeneratedFile(path: "Loops.swift", text: repeated(n) { i in
                    "func f\(i)(items: [Int]) async {\n    for item in items {\n        let c = { (x: Int) in x + item }\n"
                        + "        _ = c(\(i))\n        Task { await g(item) }\n    }\n}\n\n"
                })]
            },
            ScalingShape(name: "swift-one-block-of-streams-and-tasks",
                         summary: "one function whose block declares many local streams, each consumed by a task",
                         baseSize: 150) { n in
                [GeneratedFile(path: "Streams.swift", text: "func run() async throws {\n" + repeated(n) { i in
                    "    let s\(i) = AsyncStream<Int> { c in c.yield(\(i)); c.finish() }\n"
                        + "    Task { for await v in s\(i) { print(v) } }\n"
                        + "    let t\(i) = Task.detached { try await work(\(i)) }\n"
                        + "    _ = try await t\(i).value\n"
                } + "}\n")]
            },
            ScalingShape(name: "swift-functions-with-same-named-locals",
                         summary: "many functions that each hold a detached task in a local of the same name",
                         baseSize: 150) { n in
                [GeneratedFile(path: "Locals.swift", text: repeated(n) { i in
                    "func f\(i)() async throws {\n    let task = Task.detached { try await work(\(i)) }\n"
                        + "    print(task)\n    _ = try await task.value\n}\n\n"
                })]
            },
        ]
    }
}
