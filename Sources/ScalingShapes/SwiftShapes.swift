extension ScalingShapes {
    /// Swift sources whose analysis must stay linear.
    static var swiftShapes: [ScalingShape] {
        [
            ScalingShape(name: "swift-class-with-task-properties",
                         summary: "a class with many stored task properties, none cancelled",
                         baseSize: 150) { n in
                [GeneratedFile(path: "Tasks.swift", text: "final class Worker {\n" + repeated(n) { i in
                    "    var task\(i): Task<Void, Never>?\n"
                } + "    func start() {\n" + repeated(n) { i in
                    "        task\(i) = Task { await work(\(i)) }\n"
                } + "    }\n}\n")]
            },
            ScalingShape(name: "swift-functions-with-loops-and-closures",
                         summary: "async functions that each loop and create closures",
                         baseSize: 150) { n in
                [GeneratedFile(path: "Loops.swift", text: repeated(n) { i in
                    "func f\(i)(items: [Int]) async {\n    for item in items {\n        let c = { (x: Int) in x + item }\n"
                        + "        _ = c(\(i))\n        Task { await g(item) }\n    }\n}\n\n"
                })]
            },
        ]
    }
}
