//! The first-frame module's allocator: power-of-two size classes, each with
//! a free list, carved from the top of the heap.
//!
//! Why not the default (dlmalloc): it is about 8 KB of wasm, 3 KB gzip, on
//! the critical path, and this module does not need its generality. Its
//! work is the same few steps for every map (decode a dataset, draw a few
//! frames, free it all when the full module takes over), so freed blocks
//! are reused by the next map of the same shape and memory stops growing
//! (tests/e2e/paint-module.test.mjs mounts a map 300 times). The price is up
//! to 2x padding per block and no coalescing, which a short-lived module
//! can pay.
//!
//! Every block is aligned to its own size (up to a page), so a block from a
//! free list suits any request of its class, whatever the alignment asked.
//! wasm32 runs one thread per instance, so plain `Cell`s are enough.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

const PAGE: usize = 65536;
/// Classes 2^0 ..= 2^31 bytes; the smallest block holds a list pointer.
const CLASSES: usize = 32;
const MIN_BLOCK: usize = core::mem::size_of::<usize>();

/// Size-class free lists over a bump-allocated heap.
pub struct SizeClasses {
    /// Head of each class's free list (0: empty). A free block's first word
    /// is the next free block of its class.
    free: [Cell<usize>; CLASSES],
    /// Next unused byte of the heap (0 until the first allocation).
    next: Cell<usize>,
    /// End of the memory the heap may use now.
    end: Cell<usize>,
}

// SAFETY: wasm32-unknown-unknown without threads: one thread uses it.
unsafe impl Sync for SizeClasses {}

/// The block size and class index for a request.
fn class_of(layout: Layout) -> Option<(usize, usize)> {
    let block = layout.size().max(layout.align()).max(MIN_BLOCK).checked_next_power_of_two()?;
    let class = block.trailing_zeros() as usize;
    (class < CLASSES).then_some((block, class))
}

impl SizeClasses {
    #[allow(clippy::declare_interior_mutable_const)]
    const EMPTY: Cell<usize> = Cell::new(0);

    pub const fn new() -> Self {
        SizeClasses { free: [Self::EMPTY; CLASSES], next: Cell::new(0), end: Cell::new(0) }
    }

    /// A fresh block of `block` bytes from the top of the heap, or 0.
    fn carve(&self, block: usize) -> usize {
        if self.next.get() == 0 {
            extern "C" {
                // The linker's end of static data: the heap starts here.
                static __heap_base: u8;
            }
            // Only the address of the linker symbol is taken, never its value.
            self.next.set(core::ptr::addr_of!(__heap_base) as usize);
            self.end.set(core::arch::wasm32::memory_size(0) * PAGE);
        }
        let align = block.min(PAGE);
        let start = (self.next.get() + align - 1) & !(align - 1);
        let Some(end) = start.checked_add(block) else { return 0 };
        if end > self.end.get() {
            let pages = (end - self.end.get()).div_ceil(PAGE);
            if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
                return 0;
            }
            self.end.set(core::arch::wasm32::memory_size(0) * PAGE);
        }
        self.next.set(end);
        start
    }
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some((block, class)) = class_of(layout) else { return core::ptr::null_mut() };
        let head = self.free[class].get();
        if head != 0 {
            // SAFETY: a free block of this class holds the next one's address.
            self.free[class].set(*(head as *const usize));
            return head as *mut u8;
        }
        self.carve(block) as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if let Some((_, class)) = class_of(layout) {
            // SAFETY: the block is ours, at least a word long and word-aligned.
            *(ptr as *mut usize) = self.free[class].get();
            self.free[class].set(ptr as usize);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        if class_of(layout).map(|c| c.1) == class_of(new_layout).map(|c| c.1) {
            return ptr; // the block already has room
        }
        let new = self.alloc(new_layout);
        if !new.is_null() {
            core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        new
    }
}
