extension ScalingShapes {
    /// Inputs that stress the language-neutral parts: suppression comments, configuration.
    /// Each once made "did you mean" compare a huge name with every candidate, character by character.
    static var engineShapes: [ScalingShape] {
        [
            ScalingShape(name: "engine-long-suppression-rule-name",
                         summary: "one unknown rule name in a suppression comment, growing",
                         baseSize: 20_000) { n in
                [GeneratedFile(path: "long.go", text: "package p\n\n//cancellint:ignore "
                               + String(repeating: "lost-cancel", count: n) + " reason\nfunc f() {}\n")]
            },
            ScalingShape(name: "engine-long-nolint-name",
                         summary: "one hyphenated name in a //nolint list, growing",
                         baseSize: 20_000) { n in
                [GeneratedFile(path: "long.go", text: "package p\n\n//nolint:"
                               + String(repeating: "lost-cancel", count: n) + "\nfunc f() {}\n")]
            },
            ScalingShape(name: "engine-long-directive",
                         summary: "one unknown cancellint: directive, growing",
                         baseSize: 20_000) { n in
                [GeneratedFile(path: "long.go", text: "package p\n\n//cancellint:"
                               + String(repeating: "ignore", count: n) + "\nfunc f() {}\n")]
            },
            ScalingShape(name: "engine-long-configuration-key",
                         summary: "one unknown configuration key, growing (a configuration error)",
                         baseSize: 50_000, expectsError: true) { n in
                [GeneratedFile(path: ".lintconfig.yml", text: String(repeating: "enable", count: n) + ": [all]\n"),
                 GeneratedFile(path: "p.go", text: "package p\n")]
            },
        ]
    }
}
