//! An argument as Argdown reconstructs one: a claim that stands for an
//! argument (`<Title>`) and, when it is reconstructed, its premise–conclusion
//! structure — numbered statements, each a claim of the map, with an
//! inference line before every conclusion. The links of the inferences are
//! ordinary links of the map; this keeps the order and the inference lines so
//! that the structure can be written back. A statement whose claim was
//! deleted is passed over by whoever reads the structure.

use super::ClaimId;
use serde::{Deserialize, Serialize};

/// What makes a claim an argument: its reconstruction, empty when it has none.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Argument {
    /// The numbered statements in order; the last is the main conclusion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pcs: Vec<PcsStatement>,
}

/// One numbered statement of a premise–conclusion structure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PcsStatement {
    pub claim: ClaimId,
    /// The inference line above it, which makes it a conclusion; none for a premise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inference: Option<Inference>,
}

/// An inference line: `----`, `-- rule, rule --`, with the statements it uses.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inference {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    /// The numbers (from 1) of the statements it uses; none: those since the last inference.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uses: Vec<usize>,
}

impl Argument {
    /// For each conclusion (its index in `pcs`), the indices of the statements its inference uses.
    pub fn inferences(&self) -> Vec<(usize, Vec<usize>)> {
        let mut found = Vec::new();
        let mut since = 0;
        for (index, statement) in self.pcs.iter().enumerate() {
            let Some(inference) = &statement.inference else { continue };
            let used: Vec<usize> = if inference.uses.is_empty() {
                (since..index).collect()
            } else {
                inference.uses.iter().filter(|&&n| n >= 1 && n <= index).map(|n| n - 1).collect()
            };
            found.push((index, used));
            since = index;
        }
        found
    }

    /// The main conclusion's claim, when the structure has one.
    pub fn conclusion(&self) -> Option<&ClaimId> {
        self.pcs.last().filter(|statement| statement.inference.is_some()).map(|statement| &statement.claim)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(id: &str, inference: Option<Inference>) -> PcsStatement {
        PcsStatement { claim: ClaimId::new(id), inference }
    }

    #[test]
    fn an_inference_uses_what_its_data_names_or_else_the_statements_since_the_last_one() {
        let argument = Argument {
            pcs: vec![
                statement("p1", None),
                statement("p2", None),
                statement("c1", Some(Inference { rules: vec!["Modus ponens".into()], uses: vec![1, 2] })),
                statement("p3", None),
                statement("c2", Some(Inference::default())),
            ],
        };
        assert_eq!(argument.inferences(), vec![(2, vec![0, 1]), (4, vec![2, 3])]);
        assert_eq!(argument.conclusion().map(ClaimId::as_str), Some("c2"));
        assert_eq!(Argument { pcs: vec![statement("p", None)] }.conclusion(), None);
    }
}
