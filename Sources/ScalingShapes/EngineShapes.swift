extension ScalingShapes {
    /// Inputs that stress the language-neutral parts: suppression comments, configuration.
    static var engineShapes: [ScalingShape] { [] }
}
