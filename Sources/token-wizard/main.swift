import TokenWizardCLI

// The commands live in TokenWizardCLI so their help and behaviour can be tested.
TokenWizard.main()
