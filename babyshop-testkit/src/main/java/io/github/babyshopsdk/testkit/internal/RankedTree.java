package io.github.babyshopsdk.testkit.internal;

import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An immutable sorted set with positional access: a persistent AVL tree whose nodes know their subtree size.
 * {@link #with} and {@link #without} cost O(log n) and return a new tree that shares all but one path with this
 * one, so a tree is its own snapshot: {@link #asList()} is an O(1) view that later changes cannot touch.
 * Positional access ({@link List#get}) costs O(log n); iterating k elements from any position costs
 * O(log n + k). Elements are ordered by the comparator, which must be consistent with the identity the caller
 * means (two elements comparing equal are the same element: {@link #with} replaces it). Immutable, so
 * thread-safe.
 *
 * @param <T> element type (non-null)
 */
public final class RankedTree<T> {

    private final Comparator<? super T> order;
    private final Node<T> root;

    private RankedTree(Comparator<? super T> order, Node<T> root) {
        this.order = order;
        this.root = root;
    }

    /**
     * An empty tree.
     *
     * @param order the elements' order
     * @param <T> element type
     * @return the tree
     */
    public static <T> RankedTree<T> empty(Comparator<? super T> order) {
        return new RankedTree<>(Objects.requireNonNull(order, "order"), null);
    }

    /**
     * The number of elements.
     *
     * @return the size
     */
    public int size() {
        return size(root);
    }

    /**
     * This tree with {@code element} added, or replacing the element that compares equal to it.
     *
     * @param element the element
     * @return the new tree
     * @throws NullPointerException if {@code element} is null
     */
    public RankedTree<T> with(T element) {
        Objects.requireNonNull(element, "element");
        return new RankedTree<>(order, insert(root, element));
    }

    /**
     * This tree without the element that compares equal to {@code element} (the same tree when there is none).
     *
     * @param element the element
     * @return the new tree
     */
    public RankedTree<T> without(T element) {
        Objects.requireNonNull(element, "element");
        Node<T> after = delete(root, element);
        return after == root ? this : new RankedTree<>(order, after);
    }

    /**
     * The number of leading elements for which {@code below} holds; {@code below} must hold for a prefix of the
     * order and for nothing after it (e.g. "updated before t" in update-time order). O(log n).
     *
     * @param below the prefix predicate
     * @return the index of the first element it does not hold for
     */
    public int countBelow(Predicate<? super T> below) {
        int count = 0;
        Node<T> n = root;
        while (n != null) {
            if (below.test(n.value)) {
                count += size(n.left) + 1;
                n = n.right;
            } else {
                n = n.left;
            }
        }
        return count;
    }

    /**
     * A read-only view of the elements in order (a snapshot: this tree never changes).
     *
     * @return the view
     */
    public List<T> asList() {
        return new View<>(root, 0, size(root));
    }

    /**
     * A read-only view of the elements at positions {@code from} (inclusive) to the end.
     *
     * @param from the first position, 0..size
     * @return the view
     * @throws IndexOutOfBoundsException if {@code from} is out of range
     */
    public List<T> tail(int from) {
        Objects.checkFromToIndex(from, size(root), size(root));
        return new View<>(root, from, size(root));
    }

    // ---- the persistent AVL ------------------------------------------------------------------

    private record Node<T>(T value, Node<T> left, Node<T> right, int height, int size) {
    }

    private static int size(Node<?> n) {
        return n == null ? 0 : n.size;
    }

    private static int height(Node<?> n) {
        return n == null ? 0 : n.height;
    }

    private static <T> Node<T> node(T value, Node<T> left, Node<T> right) {
        return new Node<>(value, left, right, Math.max(height(left), height(right)) + 1,
                size(left) + size(right) + 1);
    }

    private static <T> Node<T> balanced(T value, Node<T> left, Node<T> right) {
        int diff = height(left) - height(right);
        if (diff > 1) {
            if (height(left.left) >= height(left.right)) {
                return node(left.value, left.left, node(value, left.right, right));
            }
            Node<T> lr = left.right;
            return node(lr.value, node(left.value, left.left, lr.left), node(value, lr.right, right));
        }
        if (diff < -1) {
            if (height(right.right) >= height(right.left)) {
                return node(right.value, node(value, left, right.left), right.right);
            }
            Node<T> rl = right.left;
            return node(rl.value, node(value, left, rl.left), node(right.value, rl.right, right.right));
        }
        return node(value, left, right);
    }

    private Node<T> insert(Node<T> n, T element) {
        if (n == null) {
            return node(element, null, null);
        }
        int c = order.compare(element, n.value);
        if (c < 0) {
            return balanced(n.value, insert(n.left, element), n.right);
        }
        if (c > 0) {
            return balanced(n.value, n.left, insert(n.right, element));
        }
        return new Node<>(element, n.left, n.right, n.height, n.size);
    }

    private Node<T> delete(Node<T> n, T element) {
        if (n == null) {
            return null;
        }
        int c = order.compare(element, n.value);
        if (c < 0) {
            Node<T> left = delete(n.left, element);
            return left == n.left ? n : balanced(n.value, left, n.right);
        }
        if (c > 0) {
            Node<T> right = delete(n.right, element);
            return right == n.right ? n : balanced(n.value, n.left, right);
        }
        if (n.left == null) {
            return n.right;
        }
        if (n.right == null) {
            return n.left;
        }
        Node<T> min = n.right;
        while (min.left != null) {
            min = min.left;
        }
        return balanced(min.value, n.left, deleteMin(n.right));
    }

    private static <T> Node<T> deleteMin(Node<T> n) {
        if (n.left == null) {
            return n.right;
        }
        return balanced(n.value, deleteMin(n.left), n.right);
    }

    /** Positions {@code from..to} of a root, read-only. */
    private static final class View<T> extends AbstractList<T> {

        private final Node<T> root;
        private final int from;
        private final int to;

        View(Node<T> root, int from, int to) {
            this.root = root;
            this.from = from;
            this.to = to;
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public T get(int index) {
            Objects.checkIndex(index, to - from);
            int i = from + index;
            Node<T> n = root;
            while (true) {
                int left = RankedTree.size(n.left);
                if (i < left) {
                    n = n.left;
                } else if (i == left) {
                    return n.value;
                } else {
                    i -= left + 1;
                    n = n.right;
                }
            }
        }

        @Override
        public List<T> subList(int fromIndex, int toIndex) {
            Objects.checkFromToIndex(fromIndex, toIndex, to - from);
            return new View<>(root, from + fromIndex, from + toIndex);
        }

        @Override
        public Iterator<T> iterator() {
            return new InOrder<>(root, from, to - from);
        }
    }

    /** In-order iteration of {@code count} elements from position {@code start}: O(log n) to start, O(1) amortised. */
    private static final class InOrder<T> implements Iterator<T> {

        private final Deque<Node<T>> path = new ArrayDeque<>();
        private int remaining;

        InOrder(Node<T> root, int start, int count) {
            this.remaining = count;
            if (count == 0) {
                return;
            }
            Node<T> n = root;
            int i = start;
            while (n != null) {
                int left = size(n.left);
                if (i < left) {
                    path.push(n);
                    n = n.left;
                } else if (i == left) {
                    path.push(n);
                    return;
                } else {
                    i -= left + 1;
                    n = n.right;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return remaining > 0;
        }

        @Override
        public T next() {
            if (remaining <= 0) {
                throw new NoSuchElementException();
            }
            Node<T> n = path.pop();
            remaining--;
            for (Node<T> c = n.right; c != null; c = c.left) {
                path.push(c);
            }
            return n.value;
        }
    }
}
