//! One stable sort for every order the app shows: ids through one comparison function pointer, so the wasm holds one copy of the sort code.

use std::cmp::Ordering;

/// Sorts `ids` stably by `compare`. Every caller shares this one compiled sort, instead of a copy
/// per closure and item type.
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
}
