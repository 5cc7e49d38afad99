//! Artifact bytes read a window at a time from wherever they lie (in the app: the fetched JavaScript buffer), so they are never copied whole into this memory.
//!
//! WebAssembly memory only grows: an artifact copied in whole before decoding keeps its size in
//! the page for good (71.5 MB at the 100× scale corpus) on top of the decoded corpus. Read through
//! a [`Windowed`] reader, the copy is one window of [`WINDOW_BYTES`] (or one longer text).

/// Bytes that can be copied out a piece at a time.
pub trait ByteSource {
    /// How many bytes there are.
    fn byte_len(&self) -> usize;
    /// Copies the bytes from `at` on into all of `into` (the caller keeps within `byte_len`).
    fn copy_into(&self, at: usize, into: &mut [u8]);

    /// Hands all the bytes to `each`, in order: at most [`WINDOW_BYTES`] at a time, or all at
    /// once for bytes in this memory.
    fn each_window(&self, each: &mut dyn FnMut(&[u8])) {
        let length = self.byte_len();
        let mut window = vec![0; WINDOW_BYTES.min(length)];
        let mut at = 0;
        while at < length {
            let n = window.len().min(length - at);
            self.copy_into(at, &mut window[..n]);
            each(&window[..n]);
            at += n;
        }
    }
}

impl ByteSource for &[u8] {
    fn byte_len(&self) -> usize {
        self.len()
    }

    fn copy_into(&self, at: usize, into: &mut [u8]) {
        into.copy_from_slice(&self[at..at + into.len()]);
    }

    /// Bytes in this memory are handed over at once.
    fn each_window(&self, each: &mut dyn FnMut(&[u8])) {
        each(self)
    }
}

/// How many bytes a [`Windowed`] reader copies from its source at a time.
pub const WINDOW_BYTES: usize = 256 * 1024;

/// Reads its source through one window: what has been read is dropped, and a value longer than
/// the window widens it for as long as it needs. It lends bytes only until the next read.
pub struct Windowed<'s> {
    source: &'s dyn ByteSource,
    window: Vec<u8>,
    /// Where the window starts in the source.
    start: usize,
    /// The next unread byte in the window.
    at: usize,
    /// How many bytes of the window hold data.
    filled: usize,
    /// How many bytes a refill copies at least.
    size: usize,
}

impl<'s> Windowed<'s> {
    /// Reads `source` from byte `from` on.
    pub fn new(source: &'s dyn ByteSource, from: usize) -> Windowed<'s> {
        Windowed::with_window(source, from, WINDOW_BYTES)
    }

    /// [`Windowed::new`] with a window of `size` bytes.
    pub(crate) fn with_window(
        source: &'s dyn ByteSource,
        from: usize,
        size: usize,
    ) -> Windowed<'s> {
        Windowed {
            source,
            window: Vec::new(),
            start: from.min(source.byte_len()),
            at: 0,
            filled: 0,
            size: size.max(1),
        }
    }

    /// Makes sure the window holds at least `wanted` unread bytes; `false` where the source ends
    /// first. (Not inlined: every read of every value would carry a copy.)
    #[inline(never)]
    fn hold(&mut self, wanted: usize) -> bool {
        let unread = self.filled - self.at;
        if unread >= wanted {
            return true;
        }
        let read = self.start + self.filled;
        if self.source.byte_len() - read < wanted - unread {
            return false;
        }
        self.start += self.at;
        let size = (self.source.byte_len() - self.start).min(self.size.max(wanted));
        if self.window.capacity() > 2 * self.size.max(size) {
            // A long value widened the window: give that room back for what is read next
            // instead of keeping it for the rest of the read.
            let mut window = Vec::with_capacity(size);
            window.extend_from_slice(&self.window[self.at..self.filled]);
            self.window = window;
        } else {
            self.window.copy_within(self.at..self.filled, 0);
        }
        self.at = 0;
        self.window.resize(size, 0);
        self.source.copy_into(read, &mut self.window[unread..size]);
        self.filled = size;
        true
    }

    /// The next byte, if the source has one.
    pub fn byte(&mut self) -> Option<u8> {
        if self.at == self.filled && !self.hold(1) {
            return None;
        }
        self.at += 1;
        Some(self.window[self.at - 1])
    }

    /// The next `count` bytes, if the source has them (lent until the next read).
    pub fn take(&mut self, count: usize) -> Option<&[u8]> {
        if self.filled - self.at < count && !self.hold(count) {
            return None;
        }
        self.at += count;
        Some(&self.window[self.at - count..self.at])
    }

    /// Where the next byte is in the source.
    pub fn position(&self) -> usize {
        self.start + self.at
    }

    /// How many bytes of the source are left unread.
    pub fn left(&self) -> usize {
        self.source.byte_len() - self.position()
    }
}

/// For tests: bytes outside this memory, copied out a window at a time as the app copies them
/// from the browser's buffer.
#[cfg(test)]
pub(crate) struct Elsewhere(pub Vec<u8>);

#[cfg(test)]
impl ByteSource for Elsewhere {
    fn byte_len(&self) -> usize {
        self.0.len()
    }

    fn copy_into(&self, at: usize, into: &mut [u8]) {
        into.copy_from_slice(&self.0[at..at + into.len()]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::postcard_reader::{Read, ReadResult, Reader};

    /// A number, texts and numbers as postcard writes them, and how many bytes were left.
    type Sample = (u32, Vec<String>, Vec<u32>);

    fn read(bytes: &[u8]) -> ReadResult<(Sample, usize)> {
        read_in(bytes, WINDOW_BYTES)
    }

    fn read_in(bytes: &[u8], window: usize) -> ReadResult<(Sample, usize)> {
        let source = &bytes;
        let mut reader = Reader::over(Windowed::with_window(source, 0, window));
        let sample = (
            reader.u32()?,
            Read::read(&mut reader)?,
            Read::read(&mut reader)?,
        );
        Ok((sample, reader.left()))
    }

    #[test]
    fn values_longer_than_the_window_and_values_across_its_edge_are_read_whole() {
        // Strings of every length around the window's size, so that some start just before its end.
        let texts: Vec<String> = (0..6)
            .map(|i| "abcdefghij".repeat(WINDOW_BYTES / 10 - 3 + i * 7))
            .chain(["".to_string(), "één".to_string()])
            .collect();
        let sample = (70_000u32, texts.clone(), vec![1u32, 200, 3]);
        let mut bytes = postcard::to_allocvec(&sample).unwrap();
        bytes.extend_from_slice(b"rest");
        let (read, left) = read(&bytes).unwrap();
        assert_eq!(read, sample);
        assert_eq!(left, 4, "the four bytes after the value are left unread");
    }

    #[test]
    fn windows_of_a_few_bytes_read_what_the_whole_slice_reads() {
        // Multi-byte lengths and numbers fall across the windows' edges at every offset.
        let texts = vec!["x".repeat(300), "één twee".to_string(), "y".repeat(20_000)];
        let bytes =
            postcard::to_allocvec(&(1_000_000u32, texts.clone(), vec![70_000u32; 200])).unwrap();
        let whole: Sample = postcard::from_bytes(&bytes).unwrap();
        for window in 1..=9 {
            let (read, left) = read_in(&bytes, window).unwrap();
            assert_eq!(read, whole, "window of {window} bytes");
            assert_eq!(left, 0);
        }
    }

    #[test]
    fn a_window_widened_for_a_long_value_shrinks_back_for_the_values_after_it() {
        let bytes: Vec<u8> = (0..200u8).cycle().take(1000).collect();
        let source = &bytes.as_slice();
        let mut window = Windowed::with_window(source, 0, 10);
        assert_eq!(window.take(400).unwrap(), &bytes[..400]);
        assert_eq!(window.take(30).unwrap(), &bytes[400..430]);
        assert!(
            window.window.capacity() <= 60,
            "kept {}",
            window.window.capacity()
        );
        assert_eq!(window.byte(), Some(bytes[430]));
        assert_eq!(window.left(), 1000 - 431);
    }

    #[test]
    fn bytes_elsewhere_are_handed_over_in_windows_that_join_up_to_all_of_them() {
        for length in [0, 1, WINDOW_BYTES, WINDOW_BYTES + 1, 2 * WINDOW_BYTES + 7] {
            let bytes: Vec<u8> = (0..length).map(|i| (i % 251) as u8).collect();
            let (mut joined, mut windows) = (Vec::new(), 0);
            Elsewhere(bytes.clone()).each_window(&mut |w| {
                joined.extend_from_slice(w);
                windows += 1;
            });
            assert_eq!(joined, bytes);
            assert_eq!(windows, length.div_ceil(WINDOW_BYTES), "{length} bytes");
        }
    }

    #[test]
    fn a_source_that_ends_too_soon_is_an_error_not_a_panic() {
        let bytes =
            postcard::to_allocvec(&(1u32, vec!["a long enough text"], vec![300u32; 10])).unwrap();
        for end in 0..bytes.len() {
            assert!(
                read(&bytes[..end]).is_err(),
                "cut at {end} of {}",
                bytes.len()
            );
        }
    }
}
