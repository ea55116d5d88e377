package com.douyin.common.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.slotchain.AbstractLinkedProcessorSlot;
import com.alibaba.csp.sentinel.slotchain.ProcessorSlotChain;
import com.alibaba.csp.sentinel.slotchain.SlotChainProvider;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeSlot;
import com.alibaba.csp.sentinel.slots.block.flow.FlowException;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowSlot;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowSlot;
import com.alibaba.csp.sentinel.slots.statistic.StatisticSlot;
import com.alibaba.csp.sentinel.slots.system.SystemSlot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotChainWithoutSystemRulesTest {

    @Test
    void sentinelBuildsEveryChainWithItsSlotsButTheSystemRulesOne() {
        ProcessorSlotChain chain = SlotChainProvider.newSlotChain();

        List<Class<?>> slots = new ArrayList<>();
        for (AbstractLinkedProcessorSlot<?> slot = chain.getNext(); slot != null; slot = slot.getNext()) {
            slots.add(slot.getClass());
        }
        assertThat(slots).contains(StatisticSlot.class, FlowSlot.class, DegradeSlot.class, ParamFlowSlot.class)
                .doesNotContain(SystemSlot.class);
    }

    @Test
    void aFlowRuleStillLimits() throws Exception {
        FlowRule none = new FlowRule("slot-chain-test");
        none.setCount(0);
        FlowRuleManager.loadRules(List.of(none));
        try {
            assertThatThrownBy(() -> {
                try (Entry ignored = SphU.entry("slot-chain-test")) {
                    // refused before here
                }
            }).isInstanceOf(FlowException.class);
        } finally {
            FlowRuleManager.loadRules(List.of());
        }
    }
}
