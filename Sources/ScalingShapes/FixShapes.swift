extension ScalingShapes {
    /// Fixes in long files: choosing, applying and showing n fixes must cost O(n), and so must the
    /// unified diff of a long file with many changed lines (once O(D·N) in time and memory).
    static var fixShapes: [ScalingShape] {
        [
            ScalingShape(name: "fix-diff-many-fixes-in-a-long-file",
                         summary: "a long file with a discarded cancel in each of n functions, shown as a diff",
                         baseSize: 100, arguments: ["--fix", "--diff"]) { n in
                [GeneratedFile(path: "fixes.go", text: "package p\n\nimport (\n\t\"context\"\n\t\"time\"\n)\n\n" + repeated(n) { i in
                    "func f\(i)(parent context.Context) {\n\tctx, _ := context.WithTimeout(parent, time.Second)\n\tuse(ctx)\n"
                        + repeated(30) { j in "\t_ = \(j)\n" } + "}\n\n"
                } + "func use(context.Context) {}\n")]
            },
        ]
    }
}
