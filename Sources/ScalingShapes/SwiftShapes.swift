extension ScalingShapes {
    /// Swift sources whose analysis must stay linear.
    static var swiftShapes: [ScalingShape] { [] }
}
