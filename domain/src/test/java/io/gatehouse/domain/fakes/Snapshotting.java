package io.gatehouse.domain.fakes;

/** An in-memory fake whose whole state can be copied and put back, as a database transaction would on rollback. */
public interface Snapshotting {

    Object snapshot();

    void restore(Object snapshot);
}
