package org.trialgraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TrialGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrialGraphApplication.class, args);
    }
}
