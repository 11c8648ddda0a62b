package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyBufferChecksTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(NettyBufferChecks.ACCESSIBLE);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(NettyBufferChecks.ACCESSIBLE);
        } else {
            System.setProperty(NettyBufferChecks.ACCESSIBLE, before);
        }
    }

    @Test
    void theLivenessCheckIsTurnedOffWhenNobodySetIt() {
        System.clearProperty(NettyBufferChecks.ACCESSIBLE);
        NettyBufferChecks.offUnlessSet();
        assertThat(System.getProperty(NettyBufferChecks.ACCESSIBLE)).isEqualTo("false");
    }

    @Test
    void anOperatorsSettingIsKept() {
        System.setProperty(NettyBufferChecks.ACCESSIBLE, "true");
        NettyBufferChecks.offUnlessSet();
        assertThat(System.getProperty(NettyBufferChecks.ACCESSIBLE)).isEqualTo("true");
    }
}
