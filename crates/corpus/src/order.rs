//! Sorts: one stable sort of ids through a comparison function pointer (one copy of the sort code in the wasm), and a byte-wise sort of numbers for search hits by score and the build's pair counts.

use std::cmp::Ordering;

/// Sorts `ids` stably by `compare`. Every caller shares this one compiled sort, instead of a copy
/// per closure and item type (search hits by score go through [`by_score_then_rank`]).
#[inline(never)]
pub fn sort_ids(ids: &mut [u32], compare: &dyn Fn(&u32, &u32) -> Ordering) {
    ids.sort_by(|a, b| compare(a, b));
}

/// Sorts `items` stably by `compare`, through [`sort_ids`] on their positions.
pub fn sort_items<T>(items: &mut Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    sort_ids(&mut order, &|&a, &b| {
        compare(&items[a as usize], &items[b as usize])
    });
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots[i as usize].take()));
}

/// Sorts `ids` by `score`, highest first, and equal scores by `rank` (lowest first; every id has
/// its own, and `by_rank[rank]` is its id). Through one key per id, sorted as numbers: a broad
/// search at scale orders tens of thousands of hits on every keystroke, and a comparison that
/// looked up two scores and two ranks per pair took most of that search's time.
pub fn by_score_then_rank(
    ids: &mut [u32],
    score: &dyn Fn(u32) -> f32,
    rank: &[u32],
    by_rank: &[u32],
) {
    let mut keys: Vec<u64> = ids
        .iter()
        .map(|&id| {
            // The order of `f32::total_cmp` as unsigned bits, turned round for highest first.
            let bits = score(id).to_bits();
            let ordered = if bits >> 31 == 1 {
                !bits
            } else {
                bits | 1 << 31
            };
            (u64::from(!ordered) << 32) | u64::from(rank[id as usize])
        })
        .collect();
    radix_sort(&mut keys);
    for (id, key) in ids.iter_mut().zip(keys) {
        *id = by_rank[key as u32 as usize];
    }
}

/// Sorts numbers a byte at a time, lowest byte first (a byte every key shares is skipped): a few
/// loops, where a comparison sort of `u64` would add its own compiled copy to the app; the build
/// sorts its millions of pair keys with it too.
pub fn radix_sort(keys: &mut Vec<u64>) {
    let mut spare = vec![0u64; keys.len()];
    for shift in (0..64).step_by(8) {
        let mut starts = [0usize; 257];
        for &key in keys.iter() {
            starts[((key >> shift) & 0xff) as usize + 1] += 1;
        }
        if starts.contains(&keys.len()) {
            continue;
        }
        for byte in 0..256 {
            starts[byte + 1] += starts[byte];
        }
        for &key in keys.iter() {
            let slot = &mut starts[((key >> shift) & 0xff) as usize];
            spare[*slot] = key;
            *slot += 1;
        }
        std::mem::swap(keys, &mut spare);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_sorted_stably_by_their_comparison() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_items(&mut items, &|x, y| x.0.cmp(&y.0));
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut ids = vec![5, 3, 9, 1];
        sort_ids(&mut ids, &|a, b| b.cmp(a));
        assert_eq!(ids, [9, 5, 3, 1]);
    }

    #[test]
    fn numbers_are_sorted_a_byte_at_a_time() {
        let mut keys = vec![
            u64::MAX,
            0x0100_0000_0000_0000,
            7,
            0x00ff,
            0x0100,
            0,
            7,
            0x8000_0000_0000_0001,
        ];
        let mut expected = keys.clone();
        expected.sort();
        radix_sort(&mut keys);
        assert_eq!(keys, expected);
        let mut none: Vec<u64> = Vec::new();
        radix_sort(&mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn hits_go_by_score_highest_first_then_by_rank() {
        // Ids 0..5 with their ranks (the newest first) and scores.
        let rank = [3, 0, 4, 1, 2];
        let by_rank = [1, 3, 4, 0, 2];
        let scores = [0.5_f32, 2.0, 0.5, 0.0, 7.25];
        let mut ids = vec![0, 1, 2, 3, 4];
        by_score_then_rank(&mut ids, &|id| scores[id as usize], &rank, &by_rank);
        // 7.25 (id 4), 2.0 (id 1), then 0.5 twice: id 0 (rank 3) before id 2 (rank 4), 0.0 last.
        assert_eq!(ids, [4, 1, 0, 2, 3]);
        let mut some = vec![2, 0];
        by_score_then_rank(&mut some, &|id| scores[id as usize], &rank, &by_rank);
        assert_eq!(some, [0, 2]);
    }
}
