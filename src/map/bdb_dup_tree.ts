/*
 * bdb_dup_tree - the shape of an off-page duplicate tree, as Berkeley DB
 * grows it.
 *
 * A hash map built with duplicates allowed (makemap -d) keeps a key's
 * values in an unsorted set; once the set outgrows its page it is moved to
 * a tree of its own: a recno tree whose leaves (P_LRECNO) hold the values
 * in insertion order and whose internal pages (P_IRECNO) hold (child page,
 * record count) entries. The tree only ever grows at its right edge, and
 * Berkeley DB splits a full rightmost page lopsidedly (observed on files
 * written by Debian's makemap): the page keeps all but its last item, a
 * new page to its right starts with that item and takes the one being
 * appended (a leaf counts as full when the value would leave it no free
 * byte at all, an internal page when the entry does not fit); a full root is split the same way into two new pages, the
 * root keeping its page number one level up. Values appended to the tree
 * that are longer than the btree overflow size go to overflow pages; the
 * values the set held when it moved off the page are copied inline (a
 * single value that was already on overflow pages stays there).
 *
 * Here we replay the appends on sizes only and record the order pages are
 * allocated in, so the writer can number them as Berkeley DB would.
 */

import { PAGE_HEADER_SIZE } from "./bdb_common.js";

/** A page of the tree: value indices (leaf) or child nodes (internal). */
export interface DupNode {
  readonly leaf: boolean;
  /** Leaf: indices into the value list. */
  readonly values: number[];
  /** Internal: children, left to right. */
  readonly children: DupNode[];
  /** Bytes still free. */
  free: number;
  /** Tree level (leaves are 1). */
  level: number;
  /** Values at or below this node. */
  records: number;
  /** Page number, once allocated. */
  pgno: number;
}

/** One page allocation, in the order Berkeley DB makes them. */
export type DupAlloc = { readonly node: DupNode } | { readonly overflow: number };

/** A built duplicate tree. */
export interface DupTree {
  readonly root: DupNode;
  /** Every page the tree takes (tree pages and value overflow pages), in allocation order. */
  readonly allocs: DupAlloc[];
  /** Leaves left to right. */
  readonly leaves: DupNode[];
}

/** Round up to a multiple of 4 (btree items are aligned). */
export function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Largest value stored inline on a btree/recno page of pageSize bytes (minimum 2 keys a page). */
export function btreeOverflowSize(pageSize: number): number {
  return Math.floor((pageSize - PAGE_HEADER_SIZE) / 4) - 10;
}

/** Size of an internal recno entry (child page, record count) with its slot. */
const RINTERNAL_ITEM = 8 + 2;

/** How value v of a tree is stored. */
export interface DupValueForm {
  /** Lengths of the values, in order. */
  readonly lengths: readonly number[];
  /** Values the set held when it moved off its hash page (stored inline). */
  readonly copied: number;
  /** Value 0 was a single value on overflow pages (it stays there). */
  readonly firstOnOverflow: boolean;
}

/** Whether value v of the tree is an overflow reference. */
export function dupValueOnOverflow(form: DupValueForm, v: number, pageSize: number): boolean {
  if (v === 0 && form.firstOnOverflow) return true;
  return v >= form.copied && form.lengths[v]! > btreeOverflowSize(pageSize);
}

/** Replay the appends of values with the given lengths. */
export function buildDupTree(form: DupValueForm, pageSize: number): DupTree {
  const cap = pageSize - PAGE_HEADER_SIZE;
  const lengths = form.lengths;
  const itemSize = (v: number): number => (dupValueOnOverflow(form, v, pageSize) ? 12 : align4(3 + lengths[v]!)) + 2;
  const allocs: DupAlloc[] = [];
  const newNode = (leaf: boolean, level: number): DupNode => {
    const n: DupNode = { leaf, values: [], children: [], free: cap, level, records: 0, pgno: 0 };
    allocs.push({ node: n });
    return n;
  };
  const root = newNode(true, 1);
  // the rightmost page of each level, root first
  const spine: DupNode[] = [root];

  /**
   * Split the full rightmost node `node` of its level; returns the new
   * rightmost node of that level, holding the old node's last item. A full
   * parent is split first (Berkeley DB splits bottom-up only after making
   * room above, so the parent's new page is allocated first).
   */
  const splitOff = (node: DupNode): DupNode => {
    let d = spine.indexOf(node);
    if (d === 0) {
      // the root moves its items to two new pages and becomes their parent
      const left = newNode(node.leaf, node.level);
      const right = newNode(node.leaf, node.level);
      moveItems(node, left, right);
      node.values.length = 0;
      node.children.length = 0;
      (node as { leaf: boolean }).leaf = false;
      node.level++;
      node.children.push(left, right);
      node.free = cap - 2 * RINTERNAL_ITEM;
      spine.splice(1, 0, right);
      return right;
    }
    if (spine[d - 1]!.free < RINTERNAL_ITEM) {
      splitOff(spine[d - 1]!);
      d = spine.indexOf(node);
    }
    const parent = spine[d - 1]!;
    const right = newNode(node.leaf, node.level);
    const keep = newNodeShadow(node);
    moveItems(node, keep, right);
    node.free = keep.free;
    node.values.splice(0, node.values.length, ...keep.values);
    node.children.splice(0, node.children.length, ...keep.children);
    parent.children.push(right);
    parent.free -= RINTERNAL_ITEM;
    spine[d] = right;
    return right;
  };

  /** A scratch node (not allocated) shaped like n. */
  const newNodeShadow = (n: DupNode): DupNode => ({ leaf: n.leaf, values: [], children: [], free: cap, level: n.level, records: 0, pgno: 0 });

  /** Items of from: all but the last to left, the last to right. */
  const moveItems = (from: DupNode, left: DupNode, right: DupNode): void => {
    if (from.leaf) {
      const vals = from.values;
      for (let i = 0; i < vals.length; i++) {
        const dst = i === vals.length - 1 ? right : left;
        dst.values.push(vals[i]!);
        dst.free -= itemSize(vals[i]!);
        dst.records++;
      }
    } else {
      const kids = from.children;
      for (let i = 0; i < kids.length; i++) {
        const dst = i === kids.length - 1 ? right : left;
        dst.children.push(kids[i]!);
        dst.free -= RINTERNAL_ITEM;
        dst.records += kids[i]!.records;
      }
    }
  };

  for (let v = 0; v < lengths.length; v++) {
    const size = itemSize(v);
    let leaf = spine[spine.length - 1]!;
    if (leaf.free <= size) leaf = splitOff(leaf);
    leaf.values.push(v);
    leaf.free -= size;
    for (const n of spine) n.records++;
    if (dupValueOnOverflow(form, v, pageSize)) allocs.push({ overflow: v });
  }
  // records of every internal node (recomputed: splits moved subtrees around)
  const count = (n: DupNode): number => (n.records = n.leaf ? n.values.length : n.children.reduce((s, c) => s + count(c), 0));
  count(root);
  const leaves: DupNode[] = [];
  const collect = (n: DupNode): void => {
    if (n.leaf) leaves.push(n);
    else for (const c of n.children) collect(c);
  };
  collect(root);
  return { root, allocs, leaves };
}
