"""Small pure functions that turn printed text into the contract's values."""
