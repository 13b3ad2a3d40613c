"""Commands: one class per action (base, and one module per family of screens). Screens
declare their BINDINGS from them; help and the palette (tui/providers) read them."""
