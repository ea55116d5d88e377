package com.douyin.common.sentinel;

import com.alibaba.csp.sentinel.slotchain.AbstractLinkedProcessorSlot;
import com.alibaba.csp.sentinel.slotchain.DefaultProcessorSlotChain;
import com.alibaba.csp.sentinel.slotchain.ProcessorSlot;
import com.alibaba.csp.sentinel.slotchain.ProcessorSlotChain;
import com.alibaba.csp.sentinel.slotchain.SlotChainBuilder;
import com.alibaba.csp.sentinel.slots.system.SystemSlot;
import com.alibaba.csp.sentinel.spi.SpiLoader;

/**
 * Sentinel's slot chain as its default builder makes it (every slot found by SPI, in order), less
 * the system-rule slot. We set no system rule (our rules are flow, parameter flow and circuit
 * breakers, from Nacos), and that slot's first use starts a task that reads the OS load and CPU
 * every second for ever: in each of seven services, 0.005 of a core of an idle stack.
 * Registered in META-INF/services, which Sentinel's SlotChainProvider prefers to its default.
 */
public class SlotChainWithoutSystemRules implements SlotChainBuilder {

    @Override
    public ProcessorSlotChain build() {
        ProcessorSlotChain chain = new DefaultProcessorSlotChain();
        for (ProcessorSlot<?> slot : SpiLoader.of(ProcessorSlot.class).loadInstanceListSorted()) {
            if (slot instanceof AbstractLinkedProcessorSlot<?> linked && !(slot instanceof SystemSlot)) {
                chain.addLast(linked);
            }
        }
        return chain;
    }
}
