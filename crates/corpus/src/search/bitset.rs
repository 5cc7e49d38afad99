//! A fixed-size set of small integers (question indices), stored as 64-bit words.

/// A set of indices below `len`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    /// The empty set over `0..len`.
    pub fn empty(len: usize) -> Bitset {
        Bitset {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// The set holding every index in `0..len`.
    pub fn full(len: usize) -> Bitset {
        let mut set = Bitset {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        set.clear_tail();
        set
    }

    fn clear_tail(&mut self) {
        let rest = self.len % 64;
        if rest != 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << rest) - 1;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    /// Adds `i`; indices outside the set's range are ignored.
    pub fn insert(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] |= 1u64 << (i % 64);
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1u64 << (i % 64)) != 0
    }

    /// Keeps only the indices that are also in `other`.
    pub fn intersect_with(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= *b;
        }
    }

    /// Adds every index of `other`.
    pub fn union_with(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= *b;
        }
    }

    /// How many indices the set holds.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// How many indices are in both sets.
    pub fn count_common(&self, other: &Bitset) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// The indices in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let bit = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                Some(w * 64 + bit)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_combine_and_count() {
        let mut a = Bitset::empty(130);
        for i in [0, 5, 64, 129, 500] {
            a.insert(i);
        }
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 5, 64, 129]);
        let full = Bitset::full(130);
        assert_eq!(full.count(), 130);
        assert_eq!(full.count_common(&a), 4);
        let mut b = Bitset::empty(130);
        b.insert(5);
        b.insert(6);
        let mut both = a.clone();
        both.intersect_with(&b);
        assert_eq!(both.iter().collect::<Vec<_>>(), [5]);
        b.union_with(&a);
        assert_eq!(b.count(), 5);
        assert!(!b.contains(7) && b.contains(129) && !b.contains(1000));
    }
}
