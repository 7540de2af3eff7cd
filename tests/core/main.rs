//! The core's integration tests: one binary, each file a module.

mod case_study_argument;
