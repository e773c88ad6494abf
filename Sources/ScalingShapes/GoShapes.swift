extension ScalingShapes {
    /// Go sources whose analysis must stay linear in the size of a function, a file or a package.
    static var goShapes: [ScalingShape] {
        [
            ScalingShape(name: "go-functions-with-context-and-loop",
                         summary: "functions that each take a context and run a loop",
                         baseSize: 200) { n in
                [GeneratedFile(path: "loops.go", text: "package p\n\nimport (\n\t\"context\"\n\t\"time\"\n)\n\n" + repeated(n) { i in
                    "func f\(i)(ctx context.Context, ch chan int) {\n\tfor {\n\t\tselect {\n\t\tcase v := <-ch:\n\t\t\t_ = v\n\t\t}\n\t\ttime.Sleep(time.Second)\n\t}\n}\n\n"
                })]
            },
        ]
    }
}
